/**
 * `polyref parity --openapi` output: which operations and schemas of the
 * OpenAPI document some entry documents, as aligned text, Markdown or JSON.
 */
import path from 'node:path';
import { coveragePercent } from '../check/parity.js';
import type { OpenApiAnalysis } from '../check/openapi/drift-analysis.js';
import type { ParityFormat } from './parity-report.js';

interface CoverageItem {
  name: string;
  /** The page of the entry documenting it, relative to where polyref runs; null when none does. */
  file: string | null;
}

interface CoverageSection {
  documented: number;
  total: number;
  ratio: number | null;
  items: CoverageItem[];
}

export interface OpenApiCoverageReport {
  document: string;
  language: string;
  operations: CoverageSection;
  schemas: CoverageSection;
}

export function openApiCoverageReport(analysis: OpenApiAnalysis, document: string, language: string, cwd: string): OpenApiCoverageReport {
  const shown = (file: string) => path.relative(cwd, file).split(path.sep).join('/') || file;
  const section = (items: CoverageItem[]): CoverageSection => {
    const documented = items.filter((item) => item.file !== null).length;
    return { documented, total: items.length, ratio: items.length === 0 ? null : documented / items.length, items };
  };
  return {
    document: shown(document),
    language,
    operations: section(analysis.operations.map(({ operation, documentedBy }) => ({ name: operation.label, file: documentedBy ? shown(documentedBy.page.file) : null }))),
    schemas: section(analysis.schemas.map(({ name, documentedBy }) => ({ name, file: documentedBy ? shown(documentedBy.page.file) : null }))),
  };
}

export function formatOpenApiCoverage(report: OpenApiCoverageReport, format: ParityFormat): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  return format === 'markdown' ? markdown(report) : text(report);
}

function figure(section: CoverageSection, noun: string): string {
  return `${section.documented} of ${section.total} ${noun}${section.total === 1 ? '' : 's'} (${coveragePercent(section)})`;
}

function text(report: OpenApiCoverageReport): string {
  const lines = [
    `OpenAPI coverage of ${report.document} by the ${report.language} entries: ${figure(report.operations, 'operation')}, ${figure(report.schemas, 'schema')}`,
    '✓ documented (by the page shown), – documented by no page',
  ];
  for (const [title, section] of [['Operations', report.operations], ['Schemas', report.schemas]] as const) {
    lines.push('', title);
    const width = Math.max(0, ...section.items.map((item) => item.name.length));
    for (const item of section.items) lines.push(`  ${item.file ? '✓' : '–'} ${item.name.padEnd(width)}  ${item.file ?? ''}`.trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

function markdown(report: OpenApiCoverageReport): string {
  const lines = [
    '# OpenAPI coverage',
    '',
    `\`${report.document}\` by the \`${report.language}\` entries: ${figure(report.operations, 'operation')}, ${figure(report.schemas, 'schema')}.`,
  ];
  for (const [title, section] of [['Operations', report.operations], ['Schemas', report.schemas]] as const) {
    lines.push('', `## ${title}`, '', `| ${title.slice(0, -1)} | Documented in |`, '| --- | --- |');
    for (const item of section.items) lines.push(`| \`${item.name}\` | ${item.file ? `\`${item.file}\`` : '–'} |`);
  }
  return `${lines.join('\n')}\n`;
}
