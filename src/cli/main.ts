import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ruleIds } from '../check/rules/index.js';
import { loadConfig, type ConfigInput } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import { parityFormats, type ParityFormat } from '../report/parity-report.js';
import { reporterNames } from '../report/reporters.js';
import { checkCommand } from './check-command.js';
import type { CliIo } from './io.js';
import { rulesCommand } from './rules-command.js';
import { version } from './version.js';

export const exitCodes = { ok: 0, problems: 1, usage: 2 } as const;

interface CommonFlags {
  config?: string;
  content?: string;
  examples?: string;
  out?: string;
  templates?: string;
  basePath?: string;
  debug?: boolean;
  /** `--no-cache` sets it to false. */
  cache?: boolean;
  cacheDir?: string;
}

interface CheckFlags {
  format: (typeof reporterNames)[number];
  maxWarnings?: number;
  staged?: boolean;
  /** A file, or false for `--no-baseline`. */
  baseline?: string | false;
  updateBaseline?: boolean;
  fix?: boolean;
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number such as 0 or 10');
  return Number(value);
}

function parseJobs(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number of threads, 1 or more');
  return Number(value);
}

function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return Number(value);
}

/** Runs one polyref command and returns its exit code; never exits the process. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const program = new Command('polyref')
    .description('Build and check multi-language API reference sites written in MDX.')
    .version(version, '-v, --version')
    .exitOverride()
    .showHelpAfterError('(run `polyref --help` for usage)')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });

  const configOf = (flags: CommonFlags) => {
    const overrides: ConfigInput = {
      content: flags.content,
      examples: flags.examples,
      out: flags.out,
      templates: flags.templates,
      basePath: flags.basePath,
      cache: flags.cache === false ? false : flags.cacheDir,
    };
    return loadConfig({ cwd: io.cwd, configFile: flags.config, overrides, ruleIds });
  };

  program
    .command('build')
    .description('build the site into the out folder; fails, writing nothing, on any error')
    .option('--content <dir>', 'content root (default: content/)')
    .option('--examples <dir>', 'examples root (default: examples/)')
    .option('--out <dir>', 'output folder (default: out/)')
    .option('--templates <dir>', 'templates that override the built-in ones by name (default: templates/)')
    .option('--base-path <path>', 'URL prefix the site is served under, such as /docs/')
    .option('--config <file>', 'configuration file (default: polyref.config.json when present)')
    .option('--cache-dir <dir>', 'cache folder (default: node_modules/.cache/polyref)')
    .option('--no-cache', 'check and render every page afresh, neither reading nor writing the cache')
    .option('--jobs <count>', 'threads that check and render pages (default: one per core but one, on sites large enough to pay)', parseJobs)
    .option('--debug', 'show stack traces of internal errors')
    .action(async (flags: CommonFlags & { jobs?: number }) => {
      // Rendering (templates, highlighting) is loaded only by the commands that render.
      const { buildCommand } = await import('./build-command.js');
      exitCode = await buildCommand(configOf(flags), io, { jobs: flags.jobs });
    });

  program
    .command('check')
    .description('check pages without rendering; with paths, report on those files only')
    .argument('[paths...]', 'files or folders to report on (default: every page)')
    .option('--content <dir>', 'content root (default: content/)')
    .option('--examples <dir>', 'examples root (default: examples/)')
    .option('--templates <dir>', 'templates folder, for the components it defines')
    .addOption(new Option('--format <name>', 'output format').choices([...reporterNames]).default('stylish'))
    .option('--config <file>', 'configuration file (default: polyref.config.json when present)')
    .option('--cache-dir <dir>', 'parse cache folder (default: node_modules/.cache/polyref)')
    .option('--no-cache', 'parse every page afresh, neither reading nor writing the cache')
    .option('--max-warnings <count>', 'exit 1 when there are more warnings than this', parseCount)
    .option('--staged', 'check the pages staged in git, as staged, against the whole site (for a pre-commit hook)')
    .option('--baseline <file>', 'known problems not to report (default: .polyref-baseline.json when present)')
    .option('--no-baseline', 'report every problem, ignoring the baseline')
    .option('--update-baseline', 'write the current problems to the baseline file, then exit 0')
    .option('--fix', 'apply the safe fixes in place (a reference with one close candidate, spaces around a key), then report what remains')
    .option('--debug', 'show stack traces of internal errors')
    .action(async (paths: string[], flags: CommonFlags & CheckFlags) => {
      exitCode = await checkCommand(configOf(flags), io, {
        paths,
        format: flags.format,
        staged: flags.staged === true,
        maxWarnings: flags.maxWarnings,
        baseline: flags.baseline,
        updateBaseline: flags.updateBaseline === true,
        fix: flags.fix === true,
      });
    });

  program
    .command('parity')
    .description('print which languages document each property of entries sharing an id, and a coverage figure per language')
    .option('--content <dir>', 'content root (default: content/)')
    .addOption(new Option('--format <name>', 'output format').choices([...parityFormats]).default('text'))
    .option('--openapi', 'print which operations and schemas of the OpenAPI document (`openapi` in the config) the HTTP entries document')
    .option('--config <file>', 'configuration file (default: polyref.config.json when present)')
    .option('--debug', 'show stack traces of internal errors')
    .action(async (flags: CommonFlags & { format: ParityFormat; openapi?: boolean }) => {
      const { parityCommand } = await import('./parity-command.js');
      exitCode = await parityCommand(configOf(flags), io, { format: flags.format, openapi: flags.openapi === true });
    });

  program
    .command('dev')
    .description('serve the site on 127.0.0.1, rebuild what each change concerns, and reload open pages')
    .option('--port <number>', 'port to listen on; the next free one when taken (default: 4321, 0 for any)', parsePort, 4321)
    .option('--content <dir>', 'content root (default: content/)')
    .option('--examples <dir>', 'examples root (default: examples/)')
    .option('--templates <dir>', 'templates that override the built-in ones by name (default: templates/)')
    .option('--base-path <path>', 'URL prefix the site is served under, such as /docs/')
    .option('--config <file>', 'configuration file (default: polyref.config.json when present)')
    .option('--debug', 'show stack traces of internal errors')
    .action(async (flags: CommonFlags & { port: number }) => {
      const { devCommand } = await import('./dev-command.js');
      exitCode = await devCommand(configOf(flags), io, { port: flags.port, reloadConfig: () => configOf(flags) });
    });

  program
    .command('init')
    .description('write a small site that checks clean (config, pages, navigation, examples) into dir; never overwrites a site')
    .argument('[dir]', 'the folder to write into (default: the current folder)')
    .option('--debug', 'show stack traces of internal errors')
    .action(async (dir: string | undefined) => {
      const { initCommand } = await import('./init-command.js');
      exitCode = initCommand(io, dir);
    });

  program
    .command('serve')
    .description('serve the built site (the out folder) on 127.0.0.1, under its base path, as a static host would')
    .option('--port <number>', 'port to listen on; the next free one when taken (default: 4321, 0 for any)', parsePort, 4321)
    .option('--out <dir>', 'the built site to serve (default: out/)')
    .option('--config <file>', 'configuration file (default: polyref.config.json when present)')
    .option('--debug', 'show stack traces of internal errors')
    .action(async (flags: CommonFlags & { port: number }) => {
      const { serveCommand } = await import('./serve-command.js');
      exitCode = await serveCommand(configOf(flags), io, { port: flags.port });
    });

  program
    .command('rules')
    .description('list every rule with its id, default severity, summary and documentation')
    .addOption(new Option('--format <name>', 'output format').choices(['text', 'json']).default('text'))
    .option('--config <file>', 'configuration file, for its `rulesDocsUrl` (default: polyref.config.json when present)')
    .action((flags: CommonFlags & { format: 'text' | 'json' }) => {
      exitCode = rulesCommand(io, flags.format, configOf(flags).rulesDocsUrl);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`polyref: ${error.message}\n${error.hint ? `  hint: ${error.hint}\n` : ''}`);
      return exitCodes.usage;
    }
    const debug = argv.includes('--debug');
    const detail = debug && error instanceof Error ? `\n${error.stack}` : ' (run with --debug for details)';
    io.stderr.write(`polyref: internal error: ${error instanceof Error ? error.message : String(error)}${detail}\n`);
    return exitCodes.usage;
  }
}
