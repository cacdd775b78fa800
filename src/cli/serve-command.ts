import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import { folderSite } from '../serve/folder-site.js';
import { SiteServer } from '../serve/site-server.js';
import { interrupted } from './interrupted.js';
import type { CliIo } from './io.js';
import { shownPath } from './shown-path.js';

export interface ServeCommandOptions {
  port: number;
  /** Resolves when the server should stop; Ctrl-C (SIGINT) or SIGTERM when not given. */
  stopped?: Promise<void>;
}

/**
 * Serves the built output folder on 127.0.0.1 as a static host would, under
 * the base path the site was built for, until stopped. Pages link to each
 * other and to their assets by root-relative URLs, which only a server
 * answers: opened as files, they are unstyled and their links lead nowhere.
 */
export async function serveCommand(config: Config, io: CliIo, options: ServeCommandOptions): Promise<number> {
  const out = shownPath(config.cwd, config.out);
  if (!fs.existsSync(path.join(config.out, 'index.html'))) {
    throw new ConfigError(`Cannot find a built site in \`${out}\``, 'run `polyref build` first');
  }
  const stopped = options.stopped ?? interrupted();
  const built = builtBasePath(config.out);
  const basePath = built ?? config.basePath;
  if (built !== null && built !== config.basePath) {
    io.stderr.write(`polyref serve: ${out} was built for the base path \`${built}\`, not \`${config.basePath}\`; serving it under \`${built}\` (run \`polyref build\` to build it again)\n`);
  }
  const server = new SiteServer(folderSite(config.out), { basePath, name: 'polyref serve' });
  const port = await server.listen(options.port);
  io.stdout.write(`polyref serve: serving http://127.0.0.1:${port}${basePath} from ${out} (Ctrl-C to stop)\n`);
  await stopped;
  await server.close();
  io.stderr.write('polyref serve: stopped\n');
  return 0;
}

/** The base path the pages of `out` link with, as `polyref.json` records it; null when it cannot be read. */
function builtBasePath(out: string): string | null {
  try {
    const model = JSON.parse(fs.readFileSync(path.join(out, 'polyref.json'), 'utf8')) as { basePath?: unknown };
    return typeof model.basePath === 'string' && /^\/(?:.*\/)?$/.test(model.basePath) ? model.basePath : null;
  } catch {
    return null;
  }
}
