import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baselineMessage } from '../../src/check/baseline.js';
import { ruleIds } from '../../src/check/rules/index.js';
import { checkPage } from '../../src/check/run-checks.js';
import { loadConfig } from '../../src/config/config.js';
import { buildSiteIndex } from '../../src/index/site-index.js';
import type { Site } from '../../src/model/site.js';
import type { ParsedPage } from '../../src/model/types.js';
import { parsePage } from '../../src/parse/parse-page.js';
import { findingsCausedBy, type SourceChange } from '../../src/pipeline/change-impact.js';
import { loadSite } from '../../src/pipeline/load-site.js';
import { RecordedReadings, StatedReadings, type SiteReadings } from '../../src/pipeline/site-readings.js';
import { repoRoot } from '../helpers/run-cli.js';

const config = loadConfig({ cwd: repoRoot, ruleIds });
const site = loadSite(config, { keepTrees: false, cache: false });

function siteWith(pages: ParsedPage[]): Site {
  return { ...site, index: buildSiteIndex(pages) };
}

/** The pages outside a change whose findings it adds to, found by checking every page on both sides. */
function pagesBrokenBy(before: Site, after: Site, changed: Set<string>): string[] {
  return after.index.pages
    .filter((page) => !changed.has(page.file))
    .filter((page) => {
      const earlier = checkPage(page, before).map((finding) => `${finding.ruleId} ${finding.place.line}:${finding.place.column} ${baselineMessage(finding.message)}`);
      return checkPage(page, after).some((finding) => !earlier.includes(`${finding.ruleId} ${finding.place.line}:${finding.place.column} ${baselineMessage(finding.message)}`));
    })
    .map((page) => page.relativePath);
}

function judged(after: Site, changes: SourceChange[], readings: (site: Site) => SiteReadings): string[] {
  return findingsCausedBy(after, changes, () => readings(after), { causeWords: 'broken by' }).map((result) => path.relative(config.content, result.file));
}

/** A page with one of its description keys renamed, as the commit of a writer who forgot the pages using it. */
function withRenamedKey(page: ParsedPage): ParsedPage | null {
  const definition = page.descriptions.find((candidate) => !candidate.isMap);
  if (!definition) return null;
  const text = fs.readFileSync(page.file, 'utf8');
  const key = definition.keyPath.split('.').at(-1)!;
  const lines = text.split('\n');
  lines[definition.place.line - 1] = lines[definition.place.line - 1]!.replace(`${key}:`, `${key}_renamed:`);
  return parsePage(page, Buffer.from(lines.join('\n')), { keepTree: false });
}

describe('findingsCausedBy on the bundled site', () => {
  let broken = 0;
  afterAll(() => {
    // The cases are worth their time only if some of them break pages.
    expect(broken).toBeGreaterThan(5);
  });
  for (const page of site.index.pages) {
    it(`finds every page that deleting or changing ${page.relativePath} breaks, and no other`, () => {
      const rest = site.index.pages.filter((other) => other !== page);
      const deleted = siteWith(rest);
      const changed = new Set([page.file]);
      const exact = pagesBrokenBy(site, deleted, changed);
      broken += exact.length;
      const deletion: SourceChange[] = [{ before: page, after: null, description: 'the deletion' }];
      expect(judged(deleted, deletion, (after) => new StatedReadings(after))).toEqual(exact);
      expect(judged(deleted, deletion, (after) => new RecordedReadings(after))).toEqual(exact);

      const renamed = withRenamedKey(page);
      if (!renamed) return;
      const edited = siteWith(site.index.pages.map((other) => (other === page ? renamed : other)));
      const change: SourceChange[] = [{ before: page, after: renamed, description: 'the change' }];
      const exactAfterRename = pagesBrokenBy(site, edited, changed);
      broken += exactAfterRename.length;
      expect(judged(edited, change, (after) => new StatedReadings(after))).toEqual(exactAfterRename);
    });
  }
});
