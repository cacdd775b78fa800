import type * as Sarif from 'sarif';
import type { VFileMessage } from 'vfile-message';
import { rules } from '../check/rules/index.js';
import { version } from '../cli/version.js';
import { displayPath, rangeOf, sortedMessages } from './messages.js';
import type { Reporter } from './reporter.js';
import { ruleDocsLink, ruleDocsMarkdown } from './rule-docs.js';

/**
 * SARIF 2.1.0 for code scanning: one run whose driver lists every rule (stable
 * id, summary, help, default level) and one result per problem, located by a
 * path relative to where polyref ran (`%SRCROOT%`) and the exact region.
 * Columns are UTF-16 code units, as SARIF assumes by default.
 */
export const sarif: Reporter = {
  stream: 'stdout',
  format(files, { rulesDocsUrl }) {
    const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
    const results: Sarif.Result[] = [];
    for (const file of files) {
      for (const message of sortedMessages(file)) results.push(toResult(displayPath(file), message, ruleIndex));
    }
    const log: Sarif.Log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'polyref', version, semanticVersion: version, rules: rules.map((rule) => toDescriptor(rule, rulesDocsUrl ?? null)) } },
          columnKind: 'utf16CodeUnits',
          results,
        },
      ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  },
};

/**
 * `helpUri` is absolute, as SARIF wants: under `rulesDocsUrl`, else the page
 * installed with polyref. The page itself also travels as `help.markdown`,
 * which code scanning shows wherever the log is read.
 */
function toDescriptor(rule: (typeof rules)[number], rulesDocsUrl: string | null): Sarif.ReportingDescriptor {
  const markdown = ruleDocsMarkdown(rule.id);
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_, __: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.summary },
    helpUri: ruleDocsLink(rule.id, rulesDocsUrl),
    help: markdown === null ? { text: rule.summary } : { text: rule.summary, markdown },
    defaultConfiguration: { level: rule.severity === 'error' ? 'error' : 'warning' },
  };
}

function toResult(uri: string, message: VFileMessage, ruleIndex: Map<string, number>): Sarif.Result {
  const range = rangeOf(message);
  const ruleId = message.ruleId ?? 'unknown';
  const index = ruleIndex.get(ruleId);
  return {
    ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: message.fatal ? 'error' : 'warning',
    message: { text: message.reason },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeUri(uri), uriBaseId: '%SRCROOT%' },
          region: { startLine: range.line, startColumn: range.column, endLine: range.endLine, endColumn: range.endColumn },
        },
      },
    ],
  };
}

/** Each path segment percent-encoded (spaces, `#`, `%`), the separators kept. */
function encodeUri(relativePath: string): string {
  return relativePath.split('/').map(encodeURIComponent).join('/');
}
