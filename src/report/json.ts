import type { VFile } from 'vfile';
import { displayPath, rangeOf, sortedMessages } from './messages.js';
import type { Reporter } from './reporter.js';

/** The shape of ESLint's `--format json`, so tools that read it read polyref too. */
export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
}

export interface JsonMessage {
  ruleId: string | null;
  /** 2 error, 1 warning, as ESLint counts. */
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Values that could replace the offending one. */
  suggestions: string[];
  /** The rule's documentation page. */
  url: string | null;
}

export const json: Reporter = {
  stream: 'stdout',
  format(files) {
    return `${JSON.stringify(files.map(toJsonResult))}\n`;
  },
};

function toJsonResult(file: VFile): JsonResult {
  const messages = sortedMessages(file).map((message): JsonMessage => ({
    ruleId: message.ruleId ?? null,
    severity: message.fatal ? 2 : 1,
    message: message.reason,
    ...rangeOf(message),
    suggestions: message.expected ?? [],
    url: message.url ?? null,
  }));
  return {
    filePath: displayPath(file),
    messages,
    errorCount: messages.filter((message) => message.severity === 2).length,
    warningCount: messages.filter((message) => message.severity === 1).length,
  };
}
