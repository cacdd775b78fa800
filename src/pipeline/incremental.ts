/**
 * A build that stays open, and is brought up to date after changes by
 * doing only what they concern. It starts as `build` does, on the same
 * path (`openSite`, then `SourceResults`: the output cache, else the page
 * work of the threads), and keeps what that gives: the index of every
 * source's facts, each source's findings and what it read, and each page's
 * files (where the output cache keeps them, else in memory). Then changed
 * sources are parsed again, the index is updated in place, and a page is
 * checked or rendered again only when something it read the last time
 * (recorded by `dependencies.ts`) reads differently now. The output is
 * byte for byte what a clean `build` of the same files writes.
 *
 * Like `build`, an update with errors changes no output: the last good
 * output stays, and what has changed since is rendered by the next update
 * that has no errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkPage, type Finding } from '../check/run-checks.js';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import { findAssets } from '../load/asset-files.js';
import { PageStandIn } from '../index/facts-index.js';
import { pageFacts } from '../index/page-facts.js';
import { ExampleStore } from '../load/examples.js';
import { compareStrings, findSources, type SourceFile } from '../load/find-sources.js';
import type { PageReader } from '../load/page-reader.js';
import { readSource } from '../load/read-source.js';
import { builtinTemplates, componentNames, findTemplates } from '../load/template-files.js';
import type { Site } from '../model/site.js';
import type { NavigationLink, ParsedPage } from '../model/types.js';
import { emptyPage, parsePage } from '../parse/parse-page.js';
import { CodeHighlighter } from '../render/highlight.js';
import { SymbolLinkers } from '../render/symbol-links.js';
import { MarkdownRenderer } from '../render/markdown.js';
import { Templates, TemplateError } from '../render/templates.js';
import { folderTree } from '../render/views/navigation-view.js';
import type { FileFindings } from '../report/to-vfiles.js';
import { DependencyReaders } from './dependency-readers.js';
import { DependencySet, recordingSite } from './dependencies.js';
import { SiteFindings } from './incremental-findings.js';
import { renderPageOutput, type PageOutput, type RenderResources } from '../render/page-output.js';
import { contentOf, renderOf, renderRecorded, SiteWideFiles, type PageFileContent, type PageRender } from './incremental-output.js';
import { IndexUpdater, type PageChange } from './index-update.js';
import { presenceChanged, readingChange, readKey } from './key-readings.js';
import { openSite, type OpenSite } from './load-site.js';
import type { RenderRecord } from './output-cache.js';
import { positionIn } from './page-order.js';
import type { PagePoolOptions } from './page-pool.js';
import { parseWhole } from './page-work.js';
import { CachedResults, readsOf, SourceResults } from './source-results.js';

/** Dependency keys of page titles start so. */
const titlesTable = DependencySet.keyOf('titles', '');

export interface UpdateReport {
  /** The output now matches the sources; false when errors kept the last good output. */
  ok: boolean;
  /** Every file's findings, in page order (as `check` reports them). */
  results: FileFindings[];
  errors: number;
  warnings: number;
  /** Pages rendered by this update, by URL. */
  rendered: string[];
  /** Sources checked again. */
  checked: number;
  /** Output paths written, changed or removed by this update. */
  changedOutputs: string[];
  /** A template that does not compile, or another problem outside the pages. */
  problem: string | null;
  ms: number;
}

interface PageState {
  /** The page as the index holds it: a stand-in made of its facts. */
  page: ParsedPage;
  render: PageRender | null;
}

/** What changed since the output was last brought up to date. */
interface Pending {
  /** Dependency keys whose value changed, for output (places left out). */
  keys: Set<string>;
  /** Those of `keys` that came or went. */
  presence: Set<string>;
  /** Sources whose parsed page changed, added or removed, by file. */
  files: Set<string>;
  /** Example folders under which something changed, absolute. */
  examplePaths: Set<string>;
  /** A page came, went, or changed its kind or URL, a navigation changed, or a title did: the folder tree may differ. */
  tree: boolean;
  everything: boolean;
}

export class IncrementalBuild {
  private readonly states = new Map<string, PageState>();
  private pages: ParsedPage[] = [];
  private site!: Site;
  private updater!: IndexUpdater;
  private templates: Templates | undefined;
  private assets = new Map<string, Buffer>();
  private tree: NavigationLink[] = [];
  private treeText = '';
  private readonly pageOutputs = new Map<string, PageFileContent>();
  /** Sources parsed whole by the update under way, body trees and all, by file: their check and render read them. */
  private readonly edited = new Map<string, ParsedPage>();
  private readonly siteWide = new SiteWideFiles({
    resources: () => (this.templates ? this.resources() : null),
    renders: () => this.siteWideShares(),
  });
  private pending: Pending = noChanges(true);
  private problem: string | null = null;
  private renderFailures = new Map<string, Finding>();
  /** Output paths of removed pages, dropped with the next good output. */
  private readonly orphans = new Set<string>();
  /** Compiled symbol links, valid until the index changes. */
  private symbols = new SymbolLinkers();
  /** Which pages read what, as last checked and as last rendered: a change finds its pages here. */
  private readonly checkReaders = new DependencyReaders<PageState>();
  private readonly renderReaders = new DependencyReaders<PageState>();
  private readonly findings = new SiteFindings();
  /** Template assets as last put in the output. */
  private assetsOut = new Set<string>();

  private constructor(
    readonly config: Config,
    private readonly highlighter: CodeHighlighter,
    private readonly markdown: MarkdownRenderer,
    private readonly reader: PageReader,
  ) {}

  /**
   * Builds the site as `build` does, from the output cache where it answers
   * and by working on the other sources in the threads, keeping each page's
   * findings, reads and files instead of writing them out.
   */
  static async start(config: Config, options: PagePoolOptions = {}): Promise<{ build: IncrementalBuild; report: UpdateReport; worked: string[] }> {
    const started = performance.now();
    const opened = openSite(config);
    const build = new IncrementalBuild(config, await CodeHighlighter.create({ cacheRoot: config.cache }), new MarkdownRenderer(config.basePath), opened.reader);
    build.site = opened.site;
    build.pages = opened.site.index.pages;
    build.updater = new IndexUpdater(opened.site.index);
    build.problem = build.loadTemplates();
    for (const page of build.pages) build.states.set(page.file, newState(page));
    if (build.problem !== null) {
      // Templates that do not compile leave nothing to render with: the pages are checked alone.
      for (const state of build.states.values()) build.check(state);
      return { build, report: build.finish(started, build.pages.length), worked: build.pages.map((page) => page.relativePath) };
    }
    const { made, worked } = await build.takeResults(opened, options);
    return { build, report: build.finish(started, build.pages.length, made), worked };
  }

  /** Every output file, by path relative to the output folder: the last good output. */
  get output(): ReadonlyMap<string, string | Buffer> {
    const all = new Map<string, string | Buffer>();
    for (const [name, content] of this.pageOutputs) all.set(name, contentOf(content));
    for (const [name, content] of this.siteWide.everything()) all.set(name, content);
    return all;
  }

  /**
   * One output file, without making the files about the whole site unless
   * asked for one of them; navigation files and the home and 404 pages are
   * made without the search index and `polyref.json`.
   */
  file(relativePath: string): string | Buffer | undefined {
    const content = this.pageOutputs.get(relativePath);
    return content === undefined ? this.siteWide.file(relativePath) : contentOf(content);
  }

  /** One output file made by a page, a template asset, or one of the files about the whole site already made. */
  fileAtHand(relativePath: string): string | Buffer | undefined {
    const content = this.pageOutputs.get(relativePath);
    return content === undefined ? this.siteWide.fileAtHand(relativePath) : contentOf(content);
  }

  /** Whether an output file is made for the whole site (the list of pages, the 404 page) rather than by one page. */
  isGenerated(relativePath: string): boolean {
    return !this.pageOutputs.has(relativePath);
  }

  /**
   * Brings the site up to date with changed files (absolute paths of
   * sources, examples or templates, changed, added or removed).
   */
  async update(changedPaths: Iterable<string>): Promise<UpdateReport> {
    const started = performance.now();
    const changes = this.classify([...changedPaths]);
    if (changes.templates) {
      this.problem = this.loadTemplates();
      this.pending.everything = true;
    }
    if (changes.examples.length > 0) {
      this.site = { ...this.site, examples: new ExampleStore(this.config.examples) };
      for (const changed of changes.examples) this.pending.examplePaths.add(changed);
    }
    const pageChanges = this.reparse(changes.sources, changes.structure);
    const changedForChecks = this.updateIndex(pageChanges);
    // Whatever was computed once per site (and cached by the site object) is stale now.
    this.site = { ...this.site };
    if ([...this.pending.keys].some((key) => key.startsWith('entriesByKey'))) this.symbols = new SymbolLinkers();
    // Check again what changed, what reads what changed, and everything when templates or components did.
    let stale: Iterable<PageState>;
    if (changes.templates) {
      stale = [...this.states.values()];
    } else {
      const readers = this.checkReaders.readersOf({
        keys: changedForChecks.keys,
        presence: changedForChecks.presence,
        examples: this.exampleKeysUnder(changes.examples),
        pages: pageChanges.length > 0,
        folderTree: false,
      });
      for (const { after } of pageChanges) if (after) readers.add(this.states.get(after.file)!);
      stale = readers;
    }
    let checked = 0;
    for (const state of stale) {
      this.check(state);
      checked += 1;
    }
    return this.finish(started, checked);
  }

  dispose(): void {
    this.highlighter.dispose();
  }

  /**
   * Takes each source's result from the build's path: its findings and
   * what it read, and a page's render, which the first output uses when
   * the site has no error (else the pages are rendered again once the
   * errors are gone, against the index as it then stands).
   */
  private async takeResults(opened: OpenSite, options: PagePoolOptions): Promise<{ made: Map<PageState, PageRender>; worked: string[] }> {
    const { config, site } = this;
    const cache = CachedResults.of(config, opened, folderTree(site.index));
    const made = new Map<PageState, PageRender>();
    const results = new SourceResults(config, opened, cache, { ...options, alwaysRecordReads: true });
    for await (const { source, result } of results) {
      const state = this.states.get(source.file)!;
      this.findings.set(state.page, result.findings);
      const reads = readsOf(result);
      this.checkReaders.set(state, reads.check);
      if (state.page.kind !== 'page' || !reads.render) continue;
      // Files the output cache keeps are read from it when served; the others are held.
      const record = result.record?.render ?? null;
      if (record && cache) {
        made.set(state, this.keptRender(state, reads.render, cache, record));
      } else if (result.from === 'work' && result.output) {
        made.set(state, renderOf(state.page, reads.render, result.output));
      }
    }
    return { made, worked: results.worked };
  }

  private classify(changedPaths: string[]): { sources: string[]; structure: boolean; examples: string[]; templates: boolean } {
    const result = { sources: [] as string[], structure: false, examples: [] as string[], templates: false };
    for (const changed of changedPaths.map((file) => path.resolve(file))) {
      if (isInside(this.config.templates, changed) || isInside(builtinTemplates, changed)) result.templates = true;
      else if (isInside(this.config.examples, changed)) result.examples.push(changed);
      else if (isInside(this.config.content, changed)) {
        // A known page edited in place is read again; anything else may add, move or remove sources.
        if (this.states.has(changed) && isFile(changed)) result.sources.push(changed);
        else result.structure = true;
      }
    }
    return result;
  }

  /** Parses changed sources again; with `structure`, lists the sources again to find those added and removed. */
  private reparse(sources: string[], structure: boolean): PageChange[] {
    const changes: PageChange[] = [];
    const consider = (source: SourceFile) => {
      const before = this.states.get(source.file)?.page ?? null;
      const parsed = this.parse(source);
      if (before && before.hash === parsed.hash && before.kind === parsed.kind && before.url === parsed.url) return;
      // The index holds every page as a stand-in of its facts, as a build's index does; lookups into it find the page just parsed.
      this.edited.set(parsed.file, parsed);
      this.reader.keep(parsed);
      changes.push({ before, after: new PageStandIn(pageFacts(parsed), this.reader) });
    };
    if (structure) {
      const found = findSources(this.config.content);
      const present = new Set(found.map((source) => source.file));
      for (const [file, state] of this.states) if (!present.has(file)) changes.push({ before: state.page, after: null });
      // New sources, and known ones edited in the same batch; the rest are as they were.
      const edited = new Set(sources);
      for (const source of found) if (!this.states.has(source.file) || edited.has(source.file)) consider(source);
    } else {
      for (const file of sources) consider(this.states.get(file)!.page);
    }
    for (const { before, after } of changes) {
      if (before) this.pending.files.add(before.file);
      if (after) this.pending.files.add(after.file);
      if (!before || !after || before.kind !== after.kind || before.url !== after.url || before.navigation || after.navigation) {
        this.pending.tree = true;
      }
    }
    return changes;
  }

  /**
   * Brings the page list and the index up to date with changed pages, and
   * notes for the render the keys that read differently for output; returns
   * those that read differently for the checks (places included).
   */
  private updateIndex(pageChanges: PageChange[]): { keys: Set<string>; presence: Set<string> } {
    const keys = new Set<string>();
    const presence = new Set<string>();
    if (pageChanges.length === 0) return { keys, presence };
    const plan = this.updater.plan(pageChanges);
    const before = new Map([...plan.touched].map((key) => [key, readKey(this.site.index, key)]));
    this.pages = this.takeIntoStates(plan.changes);
    this.updater.apply(plan, this.pages);
    for (const [key, reading] of before) {
      const after = readKey(this.site.index, key);
      const change = readingChange(reading, after);
      if (change === 'output') this.pending.keys.add(key);
      // The folder tree names pages by their titles.
      if (change === 'output' && key.startsWith(titlesTable)) this.pending.tree = true;
      if (change !== 'none') keys.add(key);
      if (presenceChanged(reading, after)) {
        this.pending.presence.add(key);
        presence.add(key);
      }
    }
    return { keys, presence };
  }

  private parse(source: SourceFile): ParsedPage {
    const read = readSource(source.file);
    if (!read.ok) return { ...emptyPage(source, ''), diagnostics: [read.diagnostic] };
    return parsePage(source, read.bytes, { keepTree: true });
  }

  /**
   * Takes changed pages into the page states, forgetting those gone (their
   * files are dropped with the next good output), and returns the page list
   * after the changes, in path order as a clean load gives it.
   */
  private takeIntoStates(changes: PageChange[]): ParsedPage[] {
    let listChanged = false;
    for (const { before, after } of changes) {
      if (before && !after) {
        const state = this.states.get(before.file);
        if (state) {
          for (const output of state.render?.files ?? []) this.orphans.add(output.path);
          this.forgetState(state);
        }
        listChanged = true;
      }
      if (after) {
        const state = this.states.get(after.file);
        if (state) {
          state.page = after;
        } else {
          this.states.set(after.file, newState(after));
          listChanged = true;
        }
      }
    }
    if (listChanged) {
      this.siteWide.namesChanged();
      return [...this.states.values()].map((state) => state.page).sort((a, b) => compareStrings(a.relativePath, b.relativePath));
    }
    // The same files in the same order: each edited page takes the place of its earlier version.
    const pages = [...this.pages];
    for (const { after } of changes) pages[positionIn(pages, after!)] = after!;
    return pages;
  }

  private forgetState(state: PageState): void {
    this.states.delete(state.page.file);
    this.checkReaders.set(state, null);
    this.renderReaders.set(state, null);
    this.findings.delete(state.page.file);
  }

  private check(state: PageState): void {
    const dependencies = new DependencySet();
    const page = this.edited.get(state.page.file) ?? this.reader.parsed(standIn(state.page).facts);
    this.findings.set(state.page, checkPage(page, recordingSite(this.site, dependencies)));
    this.checkReaders.set(state, dependencies);
  }

  /**
   * A page's render whose files and shares the output cache keeps. Should
   * the cache lose them while the server runs, the page is rendered again:
   * what it read is unchanged while this render stands, so the bytes are the same.
   */
  private keptRender(state: PageState, dependencies: DependencySet, cache: CachedResults, record: RenderRecord): PageRender {
    let again: PageRender | null = null;
    const renderAgain = () => (again ??= this.renderState(state));
    const files = cache.files(record).map((file) => ({
      path: file.path,
      content: { from: file.from, again: () => contentOf(renderAgain().files.find((made) => made.path === file.path)?.content ?? '') },
    }));
    const shares = () => {
      try {
        return cache.shares(record);
      } catch {
        return renderAgain().shares();
      }
    };
    return { page: state.page, dependencies, files, shares };
  }

  /** A page rendered whole, recording what it reads. */
  private renderState(state: PageState): PageRender {
    const page = this.edited.get(state.page.file) ?? parseWhole(state.page);
    this.reader.keep(page);
    try {
      return { ...renderRecorded(page, this.resources()), page: state.page };
    } finally {
      this.reader.dropTree(page.file);
    }
  }

  /** Example `file` values, as pages wrote them, whose folder holds or is a changed path. */
  private exampleKeysUnder(changedPaths: Iterable<string>): Set<string> {
    const keys = new Set<string>();
    const changed = [...changedPaths];
    if (changed.length === 0) return keys;
    const written = new Set<string>([...this.checkReaders.examples(), ...this.renderReaders.examples()]);
    for (const key of written) {
      const folder = path.resolve(this.config.examples, key);
      if (changed.some((file) => isInside(folder, file) || folder === file || isInside(file, folder))) keys.add(key);
    }
    return keys;
  }

  private loadTemplates(): string | null {
    try {
      const files = findTemplates(this.config.templates);
      this.templates = new Templates(files);
      this.site = { ...this.site, templates: files, components: componentNames(files) };
      this.assets = new Map([...findAssets(this.config.templates)].map(([name, file]) => [name, fs.readFileSync(file)]));
      return null;
    } catch (error) {
      if (error instanceof ConfigError) return error.message;
      throw error;
    }
  }

  /** Renders what the pending changes concern, when nothing stands in the way, and reports; `made` holds renders made already. */
  private finish(started: number, checked: number, made?: Map<PageState, PageRender>): UpdateReport {
    let rendered: string[] = [];
    let changedOutputs: string[] = [];
    // The failures of the last render do not hold it back: the render tries their pages again.
    if (this.findings.errors === 0 && this.problem === null) {
      this.renderFailures.clear();
      ({ rendered, changedOutputs } = this.render(made));
    }
    // Only the update that parsed a page reads its body tree.
    for (const file of this.edited.keys()) this.reader.dropTree(file);
    this.edited.clear();
    const report = this.findings.report(this.pages, this.renderFailures);
    const ok = report.errors === 0 && this.problem === null;
    return { ok, ...report, rendered, checked, changedOutputs, problem: this.problem, ms: performance.now() - started };
  }

  /** Renders every page whose reads changed (or takes `made`, every page's render made already); all or nothing, as `build` writes. */
  private render(made?: Map<PageState, PageRender>): { rendered: string[]; changedOutputs: string[] } {
    const pending = this.pending;
    const treeBefore = this.treeText;
    if (pending.everything || pending.tree) {
      this.tree = folderTree(this.site.index);
      this.treeText = JSON.stringify(this.tree, (name, value: unknown) => (name === 'place' ? undefined : value));
    }
    const treeChanged = this.treeText !== treeBefore;
    let renders = made;
    if (!renders) {
      renders = new Map<PageState, PageRender>();
      for (const state of this.staleRenders(treeChanged)) {
        try {
          renders.set(state, this.renderState(state));
        } catch (error) {
          if (!(error instanceof TemplateError)) throw error;
          this.renderFailures.set(state.page.file, { ruleId: 'template-error', severity: 'error', message: error.message, place: { line: 1, column: 1, endLine: 1, endColumn: 1 } });
        }
      }
    }
    if (this.renderFailures.size > 0) return { rendered: [], changedOutputs: [] };

    const changedOutputs: string[] = [];
    const put = (name: string, content: PageFileContent) => {
      const before = this.pageOutputs.get(name);
      if (before === undefined || !sameContent(before, content)) changedOutputs.push(name);
      this.pageOutputs.set(name, content);
    };
    // Pages that are no longer pages take their files with them (those that are gone left theirs in `orphans`).
    for (const state of pending.everything ? this.states.values() : this.statesOf(pending.files)) {
      if (state.page.kind !== 'page' && state.render) {
        for (const output of state.render.files) this.forget(output.path, changedOutputs);
        state.render = null;
        this.renderReaders.set(state, null);
      }
    }
    for (const name of this.orphans) this.forget(name, changedOutputs);
    this.orphans.clear();
    for (const [state, render] of renders) {
      const stale = new Set((state.render?.files ?? []).map((output) => output.path));
      for (const output of render.files) {
        stale.delete(output.path);
        put(output.path, output.content);
      }
      for (const name of stale) this.forget(name, changedOutputs);
      state.render = render;
      this.renderReaders.set(state, render.dependencies);
    }
    // Assets change only with the templates, which render everything again.
    if (pending.everything) {
      const assetsOut = new Set([...this.assets.keys()].map((name) => `assets/${name}`));
      for (const name of this.assetsOut) if (!assetsOut.has(name)) this.forget(name, changedOutputs);
      for (const [name, content] of this.assets) put(`assets/${name}`, content);
      this.assetsOut = assetsOut;
    }
    this.siteWide.outputChanged();
    if (pending.everything) this.siteWide.namesChanged();
    this.pending = noChanges(false);
    return { rendered: [...renders.keys()].map((state) => state.page.url), changedOutputs };
  }

  /**
   * Pages to render again, in page order: every page after a change of
   * templates; else pages parsed again or never rendered, and pages whose
   * last render read something that changed since.
   */
  private staleRenders(treeChanged: boolean): PageState[] {
    const pending = this.pending;
    if (pending.everything) return this.pages.filter((page) => page.kind === 'page').map((page) => this.states.get(page.file)!);
    const stale = this.renderReaders.readersOf({
      keys: pending.keys,
      presence: pending.presence,
      examples: this.exampleKeysUnder(pending.examplePaths),
      pages: pending.files.size > 0,
      folderTree: treeChanged,
    });
    for (const state of this.statesOf(pending.files)) {
      if (state.render === null || state.render.page !== state.page) stale.add(state);
    }
    return [...stale]
      .filter((state) => state.page.kind === 'page')
      .sort((a, b) => compareStrings(a.page.relativePath, b.page.relativePath));
  }

  /** The current states of `files`, skipping those gone. */
  private *statesOf(files: Iterable<string>): Generator<PageState> {
    for (const file of files) {
      const state = this.states.get(file);
      if (state) yield state;
    }
  }

  private forget(name: string, changedOutputs: string[]): void {
    if (this.pageOutputs.delete(name)) changedOutputs.push(name);
  }

  /**
   * Every source's share of the files about the whole site, in page order:
   * a page's from its last render; a partial's (its entries in `polyref.json`)
   * made now, as those files are made again after every change.
   */
  private siteWideShares(): PageOutput[] {
    const resources = this.resources();
    return this.pages.flatMap((page): PageOutput[] => {
      if (page.kind === 'page') {
        const render = this.states.get(page.file)!.render;
        return render ? [{ files: [], ...render.shares() }] : [];
      }
      return page.kind === 'partial' ? [renderPageOutput(this.edited.get(page.file) ?? this.reader.parsed(standIn(page).facts), resources)] : [];
    });
  }

  private resources(): RenderResources {
    return { site: this.site, templates: this.templates!, markdown: this.markdown, highlighter: this.highlighter, symbols: this.symbols, tree: this.tree };
  }
}

function sameContent(kept: PageFileContent, made: PageFileContent): boolean {
  const left = contentOf(kept);
  const right = contentOf(made);
  if (typeof left === 'string' && typeof right === 'string') return left === right;
  // Buffers compare as they are; `Buffer.from` of a Buffer would copy it.
  return (typeof left === 'string' ? Buffer.from(left) : left).equals(typeof right === 'string' ? Buffer.from(right) : right);
}

function noChanges(everything: boolean): Pending {
  return { keys: new Set(), presence: new Set(), files: new Set(), examplePaths: new Set(), tree: everything, everything };
}

function newState(page: ParsedPage): PageState {
  return { page, render: null };
}

/** A page of the index as the build's path makes it: a stand-in of its facts. */
function standIn(page: ParsedPage): PageStandIn {
  if (!(page instanceof PageStandIn)) throw new Error(`${page.relativePath} is in the index whole, not as its facts`);
  return page;
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function isFile(file: string): boolean {
  try {
    return fs.lstatSync(file).isFile();
  } catch {
    return false;
  }
}
