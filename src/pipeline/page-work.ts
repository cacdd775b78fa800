/**
 * The work of a build on one source, the same wherever it runs (a worker
 * thread or the main one): read and parse it whole, check it against the
 * site's index, and render it when it has no error. Nothing of the page
 * outlives the result.
 */
import { checkPage, type Finding } from '../check/run-checks.js';
import type { Config } from '../config/config.js';
import { buildFactsIndex } from '../index/facts-index.js';
import type { PageFacts } from '../index/page-facts.js';
import { ExampleStore } from '../load/examples.js';
import { PageReader } from '../load/page-reader.js';
import { runParseJob } from '../load/parse-job.js';
import { readSource } from '../load/read-source.js';
import { componentNames, findTemplates } from '../load/template-files.js';
import type { Site } from '../model/site.js';
import type { ParsedPage } from '../model/types.js';
import { emptyPage } from '../parse/parse-page.js';
import { CodeHighlighter, GrammarNeeded } from '../render/highlight.js';
import { grammarsUsed } from '../render/grammars-used.js';
import { MarkdownRenderer } from '../render/markdown.js';
import { renderPageOutput, type PageOutput, type RenderResources } from '../render/page-output.js';
import { SymbolLinkers } from '../render/symbol-links.js';
import { TemplateError, Templates } from '../render/templates.js';
import { folderTree } from '../render/views/navigation-view.js';
import { DependencySet, recordingFolderTree, recordingSite } from './dependencies.js';
import { parsedState } from './fix.js';
import { ReadingHashes, type HashedDependency } from './reading-hashes.js';

/** What a build learns of one source. */
export interface PageResult {
  findings: Finding[];
  /** Its output; null when it has an error (the build fails) or nothing to give. */
  output: PageOutput | null;
  /** What the checks and the render read, with hashes, when asked to record it; null when polyref failed on the page. */
  reads: PageReads | null;
}

export interface PageReads {
  check: HashedDependency[];
  /** Null when the page was not rendered. */
  render: HashedDependency[] | null;
  hasSyntaxError: boolean;
}

/** What a thread needs to work on pages: the configuration, the facts of every page, and where parsed pages are kept. */
export interface WorkSetup {
  config: Config;
  facts: PageFacts[];
  cacheRoot: string | null;
  /** Record what each page reads, for the output cache. */
  record: boolean;
}

const nowhere = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** A thread's means to check and render pages: the site's index, templates, highlighter and the rest, made once. */
export class PageWorker {
  private readonly hashes: { check: ReadingHashes; render: ReadingHashes } | null;

  private constructor(
    private readonly reader: PageReader,
    private readonly resources: RenderResources,
    record: boolean,
  ) {
    const sources = { index: resources.site.index, examples: resources.site.examples, tree: () => resources.tree };
    this.hashes = record ? { check: new ReadingHashes(sources, 'check'), render: new ReadingHashes(sources, 'render') } : null;
  }

  static async start(setup: WorkSetup): Promise<PageWorker> {
    const { config, facts, cacheRoot } = setup;
    const reader = new PageReader(cacheRoot);
    const templateFiles = findTemplates(config.templates);
    const site: Site = {
      config,
      index: buildFactsIndex(facts, reader),
      examples: new ExampleStore(config.examples),
      templates: templateFiles,
      components: componentNames(templateFiles),
    };
    const resources: RenderResources = {
      site,
      templates: new Templates(templateFiles),
      markdown: new MarkdownRenderer(config.basePath),
      // Grammars are loaded as pages ask for them.
      highlighter: await CodeHighlighter.create({ only: [], cacheRoot }),
      symbols: new SymbolLinkers(),
      tree: folderTree(site.index),
    };
    return new PageWorker(reader, resources, setup.record);
  }

  get site(): Site {
    return this.resources.site;
  }

  /** Checks one source and renders it when it has no error; a failure of polyref's own becomes an `internal-error` finding. */
  async work(facts: PageFacts): Promise<PageResult> {
    try {
      return await this.workOn(facts);
    } finally {
      // Later pages may still look into this one, but never into its body tree, the largest part of it.
      this.reader.dropTree(facts.file);
    }
  }

  private async workOn(facts: PageFacts): Promise<PageResult> {
    let page: ParsedPage;
    try {
      page = parseWhole(facts);
    } catch (error) {
      return { findings: [internalError('Parsing', error)], output: null, reads: null };
    }
    // Lookups into the page being worked on find it here instead of reading it again.
    this.reader.keep(page);
    const { site, tree } = this.resources;
    let findings: Finding[];
    const checkReads = new DependencySet();
    try {
      findings = checkPage(page, this.hashes ? recordingSite(site, checkReads) : site);
    } catch (error) {
      return { findings: [internalError('Checking', error)], output: null, reads: null };
    }
    const reads = (render: DependencySet | null): PageReads | null =>
      this.hashes && {
        check: this.hashes.check.hashed(checkReads),
        render: render && this.hashes.render.hashed(render),
        hasSyntaxError: parsedState(page).hasSyntaxError,
      };
    if (findings.some((finding) => finding.severity === 'error')) return { findings, output: null, reads: reads(null) };
    const render = (): { output: PageOutput; renderReads: DependencySet } => {
      const renderReads = new DependencySet();
      const resources = this.hashes ? { ...this.resources, site: recordingSite(site, renderReads), tree: recordingFolderTree(tree, renderReads) } : this.resources;
      return { output: renderPageOutput(page, resources), renderReads };
    };
    try {
      let rendered: ReturnType<typeof render>;
      try {
        rendered = render();
      } catch (error) {
        // Highlighted code the cache did not hold needs its grammars, loaded once per thread as pages first ask.
        if (!(error instanceof GrammarNeeded)) throw error;
        await this.resources.highlighter.load(grammarsUsed([page], site));
        rendered = render();
      }
      return { findings, output: rendered.output, reads: reads(rendered.renderReads) };
    } catch (error) {
      if (error instanceof TemplateError) return { findings: [...findings, { ruleId: 'template-error', severity: 'error', message: error.message, place: nowhere }], output: null, reads: null };
      return { findings: [...findings, internalError('Rendering', error)], output: null, reads: null };
    }
  }

  dispose(): void {
    this.resources.highlighter.dispose();
  }
}

/** A source read and parsed whole, body tree and all, as its check and render read it. */
export function parseWhole(facts: Pick<PageFacts, 'file' | 'relativePath' | 'kind' | 'url' | 'hash'>): ParsedPage {
  const source = { file: facts.file, relativePath: facts.relativePath, kind: facts.kind, url: facts.url };
  const read = readSource(facts.file);
  if (!read.ok) return { ...emptyPage(source, facts.hash), diagnostics: [read.diagnostic] };
  return runParseJob({ source, bytes: read.bytes, hash: facts.hash }, { keepTree: true });
}

function internalError(stage: string, error: unknown): Finding {
  return {
    ruleId: 'internal-error',
    severity: 'error',
    message: `${stage} failed on this file: ${error instanceof Error ? error.message : String(error)}; please report it`,
    place: nowhere,
  };
}
