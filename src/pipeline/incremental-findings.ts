/**
 * Every page's findings as an incremental build last checked them, kept in
 * page order and added up as pages are checked again: a report after a
 * small change costs the pages it checked, not the site.
 */
import { countFindings, type Finding } from '../check/run-checks.js';
import type { ParsedPage } from '../model/types.js';
import type { FileFindings } from '../report/to-vfiles.js';
import { positionIn } from './page-order.js';

interface FindingCounts {
  errors: number;
  warnings: number;
}

interface PageFindings {
  page: ParsedPage;
  findings: Finding[];
  /** Errors and warnings among `findings`. */
  counts: FindingCounts;
}

export interface FindingsReport extends FindingCounts {
  /** Every page's findings, in page order (as `check` reports them). */
  results: FileFindings[];
}

export class SiteFindings {
  private readonly byFile = new Map<string, PageFindings>();
  /** Findings of every page as last reported, in page order; null when the page list changed since. */
  private reported: FileFindings[] | null = null;
  /** Pages checked since `reported` was made. */
  private readonly checkedSince = new Set<PageFindings>();
  /** Findings of all pages, added up: the report without counting them again. */
  private readonly totals: FindingCounts = { errors: 0, warnings: 0 };

  /** Errors among the findings of every page, as last checked. */
  get errors(): number {
    return this.totals.errors;
  }

  /** Records what checking `page` found, in place of what it found before. */
  set(page: ParsedPage, findings: Finding[]): void {
    let entry = this.byFile.get(page.file);
    if (entry) {
      this.count(entry.counts, -1);
      entry.page = page;
      entry.findings = findings;
    } else {
      this.byFile.set(page.file, (entry = { page, findings, counts: { errors: 0, warnings: 0 } }));
      this.reported = null;
    }
    entry.counts = countFindings(findings);
    this.count(entry.counts, 1);
    this.checkedSince.add(entry);
  }

  /** Forgets a page that is gone. */
  delete(file: string): void {
    const entry = this.byFile.get(file);
    if (!entry) return;
    this.byFile.delete(file);
    this.checkedSince.delete(entry);
    this.count(entry.counts, -1);
    this.reported = null;
  }

  /**
   * Every page's findings in `pages` order (every page recorded, none
   * other), with `renderFailures` (one more error of some files, those of
   * pages gone left out); only pages checked since the last report are
   * looked at again.
   */
  report(pages: readonly ParsedPage[], renderFailures: ReadonlyMap<string, Finding>): FindingsReport {
    if (this.reported === null) {
      this.reported = pages.map((page) => resultOf(this.byFile.get(page.file)!));
    } else {
      for (const entry of this.checkedSince) this.reported[positionIn(pages, entry.page)] = resultOf(entry);
    }
    this.checkedSince.clear();
    const results = [...this.reported];
    let { errors } = this.totals;
    for (const [file, failure] of renderFailures) {
      const entry = this.byFile.get(file);
      if (!entry) continue;
      results[positionIn(pages, entry.page)] = { file, findings: [...entry.findings, failure] };
      errors += 1;
    }
    return { results, errors, warnings: this.totals.warnings };
  }

  private count(counts: FindingCounts, sign: 1 | -1): void {
    this.totals.errors += sign * counts.errors;
    this.totals.warnings += sign * counts.warnings;
  }
}

function resultOf(entry: PageFindings): FileFindings {
  return { file: entry.page.file, findings: entry.findings };
}
