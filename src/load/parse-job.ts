import type { ParsedPage } from '../model/types.js';
import { emptyPage, parsePage, sourceHash, type ParseOptions } from '../parse/parse-page.js';
import { forEachItem } from '../model/walk.js';
import type { SourceFile } from './find-sources.js';

/** One page to parse: where it stands, its bytes and their hash. */
export interface ParseJob {
  source: SourceFile;
  bytes: Uint8Array;
  hash: string;
}

/**
 * Parses one page and never throws: a failure of polyref's own (a bug, a
 * stack overflow on absurd nesting) becomes an `internal-error` diagnostic
 * on that page, and the rest of the run goes on.
 */
export function runParseJob(job: ParseJob, options: ParseOptions, parse: typeof parsePage = parsePage): ParsedPage {
  const bytes = Buffer.isBuffer(job.bytes) ? job.bytes : Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  try {
    return parse(job.source, bytes, options);
  } catch (error) {
    const page = emptyPage(job.source, job.hash || sourceHash(bytes));
    page.diagnostics.push({
      ruleId: 'internal-error',
      message: `Parsing failed on this file: ${error instanceof Error ? error.message : String(error)}; please report it`,
      place: { line: 1, column: 1, endLine: 1, endColumn: 1 },
    });
    return page;
  }
}

/** The parts of a page that depend on its bytes alone: what a cache keeps and a worker sends back. */
export type PageContent = Omit<ParsedPage, keyof SourceFile>;

/** A page's content as JSON, without where it stands (the same bytes elsewhere parse the same). */
export function contentJson(page: ParsedPage): string {
  const { file: _file, relativePath: _relativePath, kind: _kind, url: _url, ...content } = page;
  return JSON.stringify(content);
}

/** A page from content JSON and its source. */
export function pageFromContent(source: SourceFile, content: PageContent): ParsedPage {
  return { ...source, ...content };
}

/**
 * Whether JSON keeps the page as it is: it turns `NaN` and `Infinity` into
 * `null` and `-0` into `0`, and only values passed through to templates
 * (`data`, `extra`, `navigation` links' own fields) can hold such numbers.
 */
export function survivesJson(page: ParsedPage): boolean {
  if (!plainSurvivesJson(page.data)) return false;
  for (const entries of Object.values(page.reference)) {
    for (const entry of entries) {
      if (!plainSurvivesJson(entry.extra)) return false;
      let ok = true;
      forEachItem(entry, (item) => {
        if (ok && item.kind === 'property' && !plainSurvivesJson(item.extra)) ok = false;
      });
      if (!ok) return false;
    }
  }
  return true;
}

function plainSurvivesJson(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(plainSurvivesJson);
  for (const key in value) if (!plainSurvivesJson((value as Record<string, unknown>)[key])) return false;
  return true;
}
