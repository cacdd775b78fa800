import type { Element } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import { displayPath, rangeOf, sortedMessages } from './messages.js';
import type { Reporter } from './reporter.js';

/**
 * JUnit XML for CI test views: one test suite per checked file, one test case
 * per problem (a `failure` for an error, `system-out` for a warning), and a
 * single passing case for a clean file so it still counts as checked.
 */
export const junit: Reporter = {
  stream: 'stdout',
  format(files) {
    let tests = 0;
    let failures = 0;
    const suites: Element[] = [];
    for (const file of files) {
      const name = xmlText(displayPath(file));
      const messages = sortedMessages(file);
      const cases = messages.map((message) => {
        const range = rangeOf(message);
        const ruleId = message.ruleId ?? 'unknown';
        const where = `${name}:${range.line}:${range.column}`;
        const detail = xmlText(`${where}: ${message.reason} (${ruleId})${message.url ? `\n${message.url}` : ''}`);
        return x('testcase', { classname: name, name: `${ruleId} at ${range.line}:${range.column}`, file: name, line: String(range.line) }, [
          message.fatal
            ? x('failure', { type: ruleId, message: xmlText(message.reason) }, detail)
            : x('system-out', `warning: ${detail}`),
        ]);
      });
      const errors = messages.filter((message) => message.fatal).length;
      if (cases.length === 0) cases.push(x('testcase', { classname: name, name: 'polyref check', file: name }));
      tests += cases.length;
      failures += errors;
      suites.push(x('testsuite', { name, tests: String(cases.length), failures: String(errors), errors: '0', skipped: '0' }, cases));
    }
    const tree = x(null, [
      { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' },
      x('testsuites', { name: 'polyref', tests: String(tests), failures: String(failures), errors: '0' }, suites),
    ]);
    return `${toXml(tree)}\n`;
  },
};

/** XML 1.0 cannot hold most control characters even escaped: each becomes `�`. */
function xmlText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
