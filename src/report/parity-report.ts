/**
 * `polyref parity` output: the matrix of entry × key path × language with a
 * coverage figure per language, as aligned text, as Markdown, or as JSON.
 */
import path from 'node:path';
import { coveragePercent, inWords, languageLabels, type ParityCell, type ParityMatrix } from '../check/parity.js';

export type ParityFormat = 'text' | 'markdown' | 'json';
export const parityFormats: readonly ParityFormat[] = ['text', 'markdown', 'json'];

const symbols: Record<ParityCell, string> = { documented: '✓', variant: '≈', missing: '–', exempt: 'exempt', absent: '·', 'no-entry': '' };

export function formatParity(matrix: ParityMatrix, format: ParityFormat, cwd: string): string {
  if (format === 'json') return `${JSON.stringify(parityJson(matrix, cwd), null, 2)}\n`;
  return format === 'markdown' ? parityMarkdown(matrix, cwd) : parityText(matrix, cwd);
}

function parityJson(matrix: ParityMatrix, cwd: string) {
  return {
    languages: matrix.languages,
    coverage: matrix.coverage,
    entries: matrix.entries.map((entry) => ({
      id: entry.id,
      file: shownFile(entry.entries[0]!.page.file, cwd),
      missingLanguages: entry.missingLanguages,
      rows: entry.rows.map((row) => ({
        keyPath: row.keyPath,
        shared: row.shared,
        cells: Object.fromEntries(matrix.languages.map((language) => [language.id, row.cells[language.id] ?? 'no-entry'])),
      })),
    })),
  };
}

function parityText(matrix: ParityMatrix, cwd: string): string {
  const ids = matrix.languages.map((language) => language.id);
  const lines: string[] = [
    `Parity of ${matrix.entries.length} entr${matrix.entries.length === 1 ? 'y' : 'ies'} across ${ids.length} languages: ✓ documented, ≈ documented under another description, – missing, exempt by parity.ignore, · not documented by most languages either (not a gap), blank: no entry`,
  ];
  for (const entry of matrix.entries) {
    lines.push('', `${entry.id}  ${shownFile(entry.entries[0]!.page.file, cwd)}`);
    if (entry.missingLanguages.length > 0) lines.push(`  no entry in ${inWords(entry.missingLanguages)}`);
    if (entry.rows.length === 0) continue;
    const keyWidth = Math.max('key path'.length, ...entry.rows.map((row) => row.keyPath.length));
    const widths = ids.map((id) => Math.max(id.length, symbols.exempt.length));
    const line = (first: string, cells: string[]) =>
      `  ${first.padEnd(keyWidth)}  ${cells.map((cell, index) => cell.padEnd(widths[index]!)).join('  ')}`.trimEnd();
    lines.push(line('key path', ids));
    for (const row of entry.rows) lines.push(line(row.keyPath, ids.map((id) => symbols[row.cells[id] ?? 'no-entry'])));
  }
  lines.push('', 'Coverage');
  const labelWidth = Math.max(...matrix.coverage.map((coverage) => coverage.language.length));
  for (const coverage of matrix.coverage) {
    const counts = `${coverage.documented} of ${coverage.documented + coverage.missing} documented, ${coverage.missing} missing, ${coverage.exempt} exempt, ${coverage.unshared} not shared, ${coverage.missingEntries} missing entries`;
    lines.push(`  ${coverage.language.padEnd(labelWidth)}  ${coveragePercent(coverage).padStart(6)}  (${counts})`);
  }
  return `${lines.join('\n')}\n`;
}

function parityMarkdown(matrix: ParityMatrix, cwd: string): string {
  const lines: string[] = [
    '# Language coverage',
    '',
    '| Language | Coverage | Documented | Missing | Exempt | Not shared | Missing entries |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const coverage of matrix.coverage) {
    lines.push(
      `| ${cell(coverage.label)} (\`${coverage.language}\`) | ${coveragePercent(coverage)} | ${coverage.documented} | ${coverage.missing} | ${coverage.exempt} | ${coverage.unshared} | ${coverage.missingEntries} |`,
    );
  }
  lines.push(
    '',
    '✓ documented, ≈ documented under another description, – missing, *exempt* by `parity.ignore`, · not documented by most languages either (not a gap), blank: the language has no such entry.',
  );
  for (const entry of matrix.entries) {
    const missing = entry.missingLanguages.length > 0 ? ` No entry in ${cell(inWords(languageLabels(entry.missingLanguages, matrix.languages)))}.` : '';
    lines.push('', `## \`${entry.id}\``, '', `In \`${shownFile(entry.entries[0]!.page.file, cwd)}\`.${missing}`, '');
    if (entry.rows.length === 0) continue;
    lines.push(`| Key path | ${matrix.languages.map((language) => cell(language.label)).join(' | ')} |`);
    lines.push(`| --- | ${matrix.languages.map(() => ':-:').join(' | ')} |`);
    for (const row of entry.rows) {
      const cells = matrix.languages.map((language) => {
        const state = row.cells[language.id] ?? 'no-entry';
        return state === 'exempt' ? '*exempt*' : symbols[state];
      });
      lines.push(`| \`${row.keyPath}\` | ${cells.join(' | ')} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A table cell: pipes would end it. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function shownFile(file: string, cwd: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || file;
}
