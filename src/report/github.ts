import { displayPath, rangeOf, sortedMessages } from './messages.js';
import type { Reporter } from './reporter.js';

/**
 * GitHub Actions workflow commands: each problem becomes an annotation on
 * its line in the pull request.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
export const github: Reporter = {
  stream: 'stdout',
  format(files) {
    const lines: string[] = [];
    for (const file of files) {
      for (const message of sortedMessages(file)) {
        const range = rangeOf(message);
        const properties = [
          `file=${escapeProperty(displayPath(file))}`,
          `line=${range.line}`,
          `col=${range.column}`,
          `endLine=${range.endLine}`,
          `endColumn=${range.endColumn}`,
          `title=${escapeProperty(`polyref(${message.ruleId ?? 'unknown'})`)}`,
        ];
        lines.push(`::${message.fatal ? 'error' : 'warning'} ${properties.join(',')}::${escapeData(message.reason)}`);
      }
    }
    return lines.length > 0 ? `${lines.join('\n')}\n` : '';
  },
};

/** A command's message ends at a newline, so `%`, CR and LF are percent-encoded. */
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value also ends at `,` and `:`. */
function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
