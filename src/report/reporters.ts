import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { reporter as vfileReporter } from 'vfile-reporter';

export type ReporterName = 'stylish' | 'json' | 'github';
export const reporterNames: readonly ReporterName[] = ['stylish', 'json', 'github'];

export interface ReporterOptions {
  color: boolean;
}

export interface Reporter {
  /** Machine formats go to stdout, human ones to stderr. */
  stream: 'stdout' | 'stderr';
  format(files: VFile[], options: ReporterOptions): string;
}

export const reporters: Record<ReporterName, Reporter> = {
  stylish: {
    stream: 'stderr',
    format(files, { color }) {
      const withMessages = files.filter((file) => file.messages.length > 0);
      if (withMessages.length === 0) return '';
      return `${vfileReporter(withMessages, { color })}\n`;
    },
  },
  json: {
    stream: 'stdout',
    format(files) {
      return `${JSON.stringify(files.map(toEslintResult))}\n`;
    },
  },
  github: {
    stream: 'stdout',
    format(files) {
      const lines: string[] = [];
      for (const file of files) {
        for (const message of sorted(file.messages)) {
          const properties = [
            `file=${escapeProperty(file.path)}`,
            `line=${message.line ?? 1}`,
            `col=${message.column ?? 1}`,
            `endLine=${message.place && 'end' in message.place ? message.place.end.line : (message.line ?? 1)}`,
            `endColumn=${message.place && 'end' in message.place ? message.place.end.column : (message.column ?? 1)}`,
            `title=${escapeProperty(`polyref(${message.ruleId ?? 'unknown'})`)}`,
          ];
          lines.push(`::${message.fatal ? 'error' : 'warning'} ${properties.join(',')}::${escapeData(message.reason)}`);
        }
      }
      return lines.length > 0 ? `${lines.join('\n')}\n` : '';
    },
  },
};

function toEslintResult(file: VFile) {
  const messages = sorted(file.messages).map((message) => {
    const end = message.place && 'end' in message.place ? message.place.end : null;
    return {
      ruleId: message.ruleId ?? null,
      severity: message.fatal ? 2 : 1,
      message: message.reason,
      line: message.line ?? 1,
      column: message.column ?? 1,
      endLine: end?.line ?? message.line ?? 1,
      endColumn: end?.column ?? message.column ?? 1,
      suggestions: message.expected ?? [],
    };
  });
  return {
    filePath: file.path,
    messages,
    errorCount: messages.filter((message) => message.severity === 2).length,
    warningCount: messages.filter((message) => message.severity === 1).length,
  };
}

function sorted(messages: VFileMessage[]): VFileMessage[] {
  return [...messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** Workflow commands end a value at a newline, so these are escaped. */
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
