import path from 'node:path';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import { configFileName } from '../config/config.js';
import { IncrementalBuild, type UpdateReport } from '../pipeline/incremental.js';
import { reporters } from '../report/reporters.js';
import { toVFiles } from '../report/to-vfiles.js';
import { DevServer, type DevStatus, type ProblemView } from './server.js';
import { ChangeWatcher } from './watcher.js';

export interface DevLog {
  /** A line for the person running the server (stderr). */
  info(text: string): void;
  /** A report of problems, as `check` prints them. */
  report(text: string): void;
}

export interface DevSessionOptions {
  port: number;
  /** Reads the configuration again (after `polyref.config.json` changed), flags applied. */
  reloadConfig: () => Config;
  log: DevLog;
  color: boolean;
}

/**
 * `polyref dev`: builds the site in memory, serves it, watches its sources,
 * examples, templates and configuration, and rebuilds what a change concerns.
 */
export class DevSession {
  private watcher: ChangeWatcher | null = null;

  private constructor(
    private config: Config,
    private build: IncrementalBuild,
    private readonly server: DevServer,
    private readonly options: DevSessionOptions,
  ) {}

  static async start(config: Config, options: DevSessionOptions): Promise<{ session: DevSession; url: string; report: UpdateReport }> {
    const { build, report } = await IncrementalBuild.start(config);
    const server = new DevServer(build, config.basePath);
    const session = new DevSession(config, build, server, options);
    session.publish(report, null);
    const port = await server.listen(options.port);
    await session.watch();
    return { session, url: `http://127.0.0.1:${port}${config.basePath}`, report };
  }

  async close(): Promise<void> {
    await this.watcher?.close();
    await this.server.close();
    this.build.dispose();
  }

  private async watch(): Promise<void> {
    const { config } = this;
    const configFile = config.configFile ?? path.join(config.cwd, configFileName);
    this.watcher = new ChangeWatcher(
      [config.content, config.examples, config.templates, configFile],
      (paths) => this.rebuild(paths, configFile),
      (error) => this.options.log.info(`polyref dev: watching failed: ${error.message}`),
    );
    await this.watcher.ready();
  }

  private async rebuild(paths: string[], configFile: string): Promise<void> {
    const shown = paths.map((file) => path.relative(this.config.cwd, file) || file);
    if (paths.includes(configFile)) {
      await this.restart();
      return;
    }
    const report = await this.build.update(paths);
    this.publish(report, shown);
  }

  /** The configuration changed: everything is built again, and watched again where folders moved. */
  private async restart(): Promise<void> {
    let config: Config;
    try {
      config = this.options.reloadConfig();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      this.options.log.info(`polyref dev: ${error.message}; still serving the last good build`);
      this.server.setStatus({ ok: false, problems: [{ file: path.relative(this.config.cwd, this.config.configFile ?? configFileName), line: 0, column: 0, ruleId: 'config', severity: 'error', message: error.message }] });
      return;
    }
    const { build, report } = await IncrementalBuild.start(config);
    this.build.dispose();
    this.build = build;
    this.config = config;
    this.server.replaceSite(build);
    const watcher = this.watcher;
    this.watcher = null;
    void watcher?.close();
    await this.watch();
    this.publish(report, ['configuration']);
    this.server.reload(['*']);
  }

  private publish(report: UpdateReport, changed: string[] | null): void {
    const { log, color } = this.options;
    const status = statusOf(report, this.config.cwd);
    this.server.setStatus(status);
    if (!report.ok) {
      const failing = report.results.filter((result) => result.findings.some((finding) => finding.severity === 'error'));
      log.report(reporters.stylish.format(toVFiles(failing, this.config.cwd), { color }));
      if (report.problem) log.info(`polyref dev: ${report.problem}`);
      log.info(`polyref dev: ${plural(report.errors, 'error')}; still serving the last good build`);
      return;
    }
    const ms = report.ms < 1000 ? `${Math.round(report.ms)} ms` : `${(report.ms / 1000).toFixed(2)}s`;
    if (changed === null) {
      log.info(`polyref dev: built ${plural(report.rendered.length, 'page')} in ${ms} (${plural(report.warnings, 'warning')})`);
      return;
    }
    log.info(`polyref dev: ${changed.join(', ')} changed: ${plural(report.rendered.length, 'page')} rendered in ${ms}`);
    this.server.reload(changedUrls(report, this.build.isGenerated('index.html')));
  }
}

/** Site URLs whose output changed: `reference/x/index.html` → `/reference/x`; assets concern every page. */
export function changedUrls(report: UpdateReport, rootIsGenerated: boolean): string[] {
  const urls = new Set<string>();
  for (const name of report.changedOutputs) {
    if (name.startsWith('assets/')) urls.add('*');
    else if (name === 'index.html') urls.add('/');
    else if (name.endsWith('/index.html')) urls.add(`/${name.slice(0, -'/index.html'.length)}`);
  }
  // Generated pages (the list of pages, the 404 page) follow every other page.
  if (report.rendered.length > 0) {
    urls.add('/404');
    if (rootIsGenerated) urls.add('/');
  }
  return [...urls].sort();
}

function statusOf(report: UpdateReport, cwd: string): DevStatus {
  const problems: ProblemView[] = [];
  if (report.problem) problems.push({ file: 'templates', line: 0, column: 0, ruleId: 'template', severity: 'error', message: report.problem });
  // Without errors there is nothing to list: a large site's findings need not be walked after every save.
  if (report.errors === 0) return { ok: report.ok, problems };
  for (const result of report.results) {
    for (const finding of result.findings) {
      if (finding.severity !== 'error') continue;
      problems.push({
        file: path.relative(cwd, result.file),
        line: finding.place.line,
        column: finding.place.column,
        ruleId: finding.ruleId,
        severity: 'error',
        message: finding.message,
      });
    }
  }
  return { ok: report.ok, problems };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
