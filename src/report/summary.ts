/** The last line of a human report: `✖ 3 errors, ⚠ 1 warning in 12 files checked`. */
export function summaryLine(counts: { errors: number; warnings: number }, files: number, color: boolean): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[39m` : text);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  if (counts.errors === 0 && counts.warnings === 0) {
    return `${paint(32, '✔')} ${plural(files, 'file')} checked, no problems\n`;
  }
  const parts = [];
  if (counts.errors > 0) parts.push(`${paint(31, '✖')} ${plural(counts.errors, 'error')}`);
  if (counts.warnings > 0) parts.push(`${paint(33, '⚠')} ${plural(counts.warnings, 'warning')}`);
  return `${parts.join(', ')} in ${plural(files, 'file')} checked\n`;
}
