import { SourceLines } from '../load/source-lines.js';
import { codeFrame, printable } from './code-frame.js';
import { absolutePath, displayPath, rangeOf, sortedMessages } from './messages.js';
import type { Reporter } from './reporter.js';

/**
 * For people, on stderr: each file with problems, then each problem with its
 * position, severity, message and rule id, and the offending line with a
 * caret under it. Clean files print nothing; the caller ends with the
 * summary line.
 */
export const stylish: Reporter = {
  stream: 'stderr',
  format(files, { color, sources = new SourceLines() }) {
    const paint = (code: number, close: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[${close}m` : text);
    const blocks: string[] = [];
    for (const file of files) {
      if (file.messages.length === 0) continue;
      const lines = sources.lines(absolutePath(file));
      const messages = sortedMessages(file);
      const positions = messages.map((message) => {
        const range = rangeOf(message);
        return `${range.line}:${range.column}`;
      });
      const positionWidth = Math.max(...positions.map((position) => position.length));
      const block = [paint(4, 24, printable(displayPath(file)))];
      for (const [index, message] of messages.entries()) {
        const severity = message.fatal ? 'error' : 'warning';
        const label = paint(message.fatal ? 31 : 33, 39, severity.padEnd(7));
        const rule = message.ruleId ? `  ${paint(2, 22, message.ruleId)}` : '';
        block.push(`  ${positions[index]!.padEnd(positionWidth)}  ${label}  ${printable(message.reason)}${rule}`);
        const range = rangeOf(message);
        const text = lines?.[range.line - 1];
        if (text !== undefined) block.push(codeFrame(text, range, { color, severity }));
      }
      blocks.push(block.join('\n'));
    }
    return blocks.length > 0 ? `${blocks.join('\n\n')}\n\n` : '';
  },
};

