/**
 * A site kept in memory and rebuilt after changes by doing only what they
 * concern: changed sources are parsed again, the index is updated in place,
 * and a page is checked or rendered again only when something it read the
 * last time (recorded by `dependencies.ts`) reads differently now. The
 * output is byte for byte what a clean `build` of the same files writes.
 *
 * Like `build`, an update with errors changes no output: the last good
 * output stays, and what has changed since is rendered by the next update
 * that has no errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkPage, countFindings, type Finding } from '../check/run-checks.js';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import { findAssets } from '../load/asset-files.js';
import { ExampleStore } from '../load/examples.js';
import { compareStrings, findSources, type SourceFile } from '../load/find-sources.js';
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
import { presenceChanged, readingChange, readKey } from './fingerprint.js';
import { IndexUpdater, type PageChange } from './index-update.js';
import { renderRecorded, siteFiles, siteNavigationOutput, type PageRender, type RenderResources } from './incremental-output.js';
import { loadSite } from './load-site.js';

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
  page: ParsedPage;
  findings: Finding[];
  /** Errors and warnings among `findings`. */
  counts: FindingCounts;
  checkDependencies: DependencySet;
  render: PageRender | null;
}

interface FindingCounts {
  errors: number;
  warnings: number;
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
  /** A page came, went, or changed its title or navigation: the folder tree may differ. */
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
  private readonly pageOutputs = new Map<string, string | Buffer>();
  /** The files about the whole site as the last good output makes them, made when first asked for. */
  private siteOutputs: Map<string, string | Buffer> | null = null;
  /** Those of them the index alone makes, when they were asked for before the rest. */
  private navigationOutputs: Map<string, string | Buffer> | null = null;
  /** The names of the files about the whole site as last made: they change only when pages come or go. */
  private siteFileNames: Set<string> | null = null;
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
  /** Findings of every page as last reported, in page order; null when the page list changed since. */
  private results: FileFindings[] | null = null;
  /** Pages checked since `results` was made. */
  private readonly checkedSince = new Set<PageState>();
  /** Findings of all pages, added up: `results` without counting them again. */
  private readonly totals: FindingCounts = { errors: 0, warnings: 0 };
  /** Template assets as last put in the output. */
  private assetsOut = new Set<string>();

  private constructor(
    readonly config: Config,
    private readonly highlighter: CodeHighlighter,
    private readonly markdown: MarkdownRenderer,
  ) {}

  /** Loads, checks and renders the whole site in memory. */
  static async start(config: Config): Promise<{ build: IncrementalBuild; report: UpdateReport }> {
    const build = new IncrementalBuild(config, await CodeHighlighter.create(), new MarkdownRenderer(config.basePath));
    const started = performance.now();
    const site = await loadSite(config, { keepTrees: true });
    build.site = site;
    build.pages = site.index.pages;
    build.updater = new IndexUpdater(site.index);
    build.problem = build.loadTemplates();
    for (const page of build.pages) build.states.set(page.file, newState(page));
    for (const state of build.states.values()) build.check(state);
    const report = build.finish(started, build.pages.length);
    return { build, report };
  }

  /** Every output file, by path relative to the output folder: the last good output. */
  get output(): ReadonlyMap<string, string | Buffer> {
    const all = new Map(this.pageOutputs);
    for (const [name, content] of this.siteFiles()) all.set(name, content);
    return all;
  }

  /**
   * One output file, without making the files about the whole site unless
   * asked for one of them; navigation files and the home and 404 pages are
   * made without the search index and `polyref.json`.
   */
  file(relativePath: string): string | Buffer | undefined {
    const own = this.pageOutputs.get(relativePath);
    // Templates that never compiled leave nothing to make the site's files with.
    if (own !== undefined || !this.templates) return own;
    if (this.siteOutputs) return this.siteOutputs.get(relativePath);
    this.navigationOutputs ??= new Map(siteNavigationOutput(this.resources()).map((file) => [file.path, file.content]));
    const navigation = this.navigationOutputs.get(relativePath);
    if (navigation !== undefined || (this.siteFileNames && !this.siteFileNames.has(relativePath))) return navigation;
    return this.siteFiles().get(relativePath);
  }

  /** One output file made by a page, or a template asset; undefined for the files about the whole site. */
  fileAtHand(relativePath: string): string | Buffer | undefined {
    return this.pageOutputs.get(relativePath) ?? (this.siteOutputs ?? this.navigationOutputs)?.get(relativePath);
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
    const checkKeys = new Set<string>();
    const checkPresence = new Set<string>();
    if (pageChanges.length > 0) {
      const plan = this.updater.plan(pageChanges);
      const before = new Map([...plan.touched].map((key) => [key, readKey(this.site.index, key)]));
      this.pages = this.orderedPages(pageChanges);
      this.updater.apply(plan, this.pages);
      for (const [key, reading] of before) {
        const after = readKey(this.site.index, key);
        const change = readingChange(reading, after);
        if (change === 'output') this.pending.keys.add(key);
        if (change !== 'none') checkKeys.add(key);
        if (presenceChanged(reading, after)) {
          this.pending.presence.add(key);
          checkPresence.add(key);
        }
      }
    }
    // Whatever was computed once per site (and cached by the site object) is stale now.
    this.site = { ...this.site };
    if ([...this.pending.keys].some((key) => key.startsWith('entriesByKey'))) this.symbols = new SymbolLinkers();
    // Check again what changed, what reads what changed, and everything when templates or components did.
    let stale: Iterable<PageState>;
    if (changes.templates) {
      stale = [...this.states.values()];
    } else {
      const readers = this.checkReaders.readersOf({
        keys: checkKeys,
        presence: checkPresence,
        tables: tablesOf(checkKeys),
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
      const after = this.parse(source);
      if (before && before.hash === after.hash && before.kind === after.kind && before.url === after.url) return;
      changes.push({ before, after });
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
      if (!before || !after || before.title !== after.title || before.kind !== after.kind || before.url !== after.url || before.navigation || after.navigation) {
        this.pending.tree = true;
      }
    }
    return changes;
  }

  private parse(source: SourceFile): ParsedPage {
    const read = readSource(source.file);
    if (!read.ok) return { ...emptyPage(source, ''), diagnostics: [read.diagnostic] };
    return parsePage(source, read.bytes, { keepTree: true });
  }

  /** The page list after `changes`, in path order as a clean load gives it. */
  private orderedPages(changes: PageChange[]): ParsedPage[] {
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
      this.results = null;
      this.siteFileNames = null;
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
    this.checkedSince.delete(state);
    this.totals.errors -= state.counts.errors;
    this.totals.warnings -= state.counts.warnings;
  }

  private check(state: PageState): void {
    const dependencies = new DependencySet();
    state.findings = checkPage(state.page, recordingSite(this.site, dependencies));
    state.checkDependencies = dependencies;
    this.checkReaders.set(state, dependencies);
    const counts = countFindings(state.findings);
    this.totals.errors += counts.errors - state.counts.errors;
    this.totals.warnings += counts.warnings - state.counts.warnings;
    state.counts = counts;
    this.checkedSince.add(state);
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

  /** Renders what the pending changes concern, when nothing stands in the way, and reports. */
  private finish(started: number, checked: number): UpdateReport {
    let rendered: string[] = [];
    let changedOutputs: string[] = [];
    // The failures of the last render do not hold it back: the render tries their pages again.
    if (this.totals.errors === 0 && this.problem === null) {
      this.renderFailures.clear();
      ({ rendered, changedOutputs } = this.render());
    }
    const results = this.currentResults();
    const counts = { errors: this.totals.errors, warnings: this.totals.warnings };
    for (const file of this.renderFailures.keys()) if (this.states.has(file)) counts.errors += 1;
    const ok = counts.errors === 0 && this.problem === null;
    return { ok, results, ...counts, rendered, checked, changedOutputs, problem: this.problem, ms: performance.now() - started };
  }

  /** Every page's findings in page order, with the failures of the last render; only pages checked since the last report are looked at again. */
  private currentResults(): FileFindings[] {
    if (this.results === null) {
      this.results = this.pages.map((page) => resultOf(this.states.get(page.file)!));
    } else {
      for (const state of this.checkedSince) this.results[positionIn(this.pages, state.page)] = resultOf(state);
    }
    this.checkedSince.clear();
    const results = [...this.results];
    for (const [file, failure] of this.renderFailures) {
      const state = this.states.get(file);
      if (state) results[positionIn(this.pages, state.page)] = { file, findings: [...state.findings, failure] };
    }
    return results;
  }

  /** Renders every page whose reads changed; all or nothing, as `build` writes. */
  private render(): { rendered: string[]; changedOutputs: string[] } {
    const pending = this.pending;
    const treeBefore = this.treeText;
    if (pending.everything || pending.tree) {
      this.tree = folderTree(this.pages, this.site.index.navigation);
      this.treeText = JSON.stringify(this.tree, (name, value: unknown) => (name === 'place' ? undefined : value));
    }
    const treeChanged = this.treeText !== treeBefore;
    const renders = new Map<PageState, PageRender>();
    for (const state of this.staleRenders(treeChanged)) {
      const page = state.page;
      try {
        renders.set(state, renderRecorded(page, this.resources()));
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error;
        this.renderFailures.set(page.file, { ruleId: 'template-error', severity: 'error', message: error.message, place: { line: 1, column: 1, endLine: 1, endColumn: 1 } });
      }
    }
    if (this.renderFailures.size > 0) return { rendered: [], changedOutputs: [] };

    const changedOutputs: string[] = [];
    const put = (name: string, content: string | Buffer) => {
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
    this.siteOutputs = null;
    this.navigationOutputs = null;
    if (pending.everything) this.siteFileNames = null;
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
      tables: tablesOf(pending.keys),
      examples: this.exampleKeysUnder(pending.examplePaths),
      pages: pending.files.size > 0,
      folderTree: treeChanged,
    });
    for (const state of this.statesOf(pending.files)) {
      if (state.render === null || state.render.page !== state.page) stale.add(state);
    }
    return [...stale]
      .filter((state) => state.page.kind === 'page' && this.states.get(state.page.file) === state)
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

  private resources(): RenderResources {
    return { site: this.site, templates: this.templates!, markdown: this.markdown, highlighter: this.highlighter, symbols: this.symbols, tree: this.tree };
  }

  private siteFiles(): Map<string, string | Buffer> {
    // Templates that never compiled leave nothing to make the site's files with.
    if (!this.templates) return new Map();
    if (!this.siteOutputs) {
      const renders = this.pages
        .filter((page) => page.kind === 'page')
        .map((page) => this.states.get(page.file)!.render)
        .filter((render): render is PageRender => render !== null);
      this.siteOutputs = new Map(siteFiles(renders, this.resources()).map((file) => [file.path, file.content]));
      this.siteFileNames = new Set(this.siteOutputs.keys());
    }
    return this.siteOutputs;
  }
}

/** The tables (and their enclosing tables) of changed keys: a page that read one whole reads differently. */
function tablesOf(keys: Set<string>): Set<string> {
  const tables = new Set<string>();
  for (const key of keys) {
    const table = key.slice(0, key.indexOf('\u0000'));
    tables.add(table);
    const slash = table.indexOf('/');
    if (slash !== -1) tables.add(table.slice(0, slash));
  }
  return tables;
}

function sameContent(left: string | Buffer, right: string | Buffer): boolean {
  if (typeof left === 'string' && typeof right === 'string') return left === right;
  // Buffers compare as they are; `Buffer.from` of a Buffer would copy it.
  return (typeof left === 'string' ? Buffer.from(left) : left).equals(typeof right === 'string' ? Buffer.from(right) : right);
}

function noChanges(everything: boolean): Pending {
  return { keys: new Set(), presence: new Set(), files: new Set(), examplePaths: new Set(), tree: everything, everything };
}

function newState(page: ParsedPage): PageState {
  return { page, findings: [], counts: { errors: 0, warnings: 0 }, checkDependencies: new DependencySet(), render: null };
}

function resultOf(state: PageState): FileFindings {
  return { file: state.page.file, findings: state.findings };
}

/** Where `page`, or the page of the same path, stands in `pages` (in path order). */
function positionIn(pages: ParsedPage[], page: ParsedPage): number {
  let low = 0;
  let high = pages.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const order = compareStrings(pages[middle]!.relativePath, page.relativePath);
    if (order === 0) return middle;
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  throw new Error(`${page.relativePath} is not among the pages`);
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
