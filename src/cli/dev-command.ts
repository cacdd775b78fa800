import type { Config } from '../config/config.js';
import { DevSession } from '../dev/dev-session.js';
import { interrupted } from './interrupted.js';
import { useColor, type CliIo } from './io.js';

export interface DevCommandOptions {
  port: number;
  /** Reads the configuration again, with the same flags, when its file changes. */
  reloadConfig: () => Config;
  /** Resolves when the server should stop; Ctrl-C (SIGINT) or SIGTERM when not given. */
  stopped?: Promise<void>;
}

/**
 * Serves the site on 127.0.0.1 until stopped, rebuilding what each change
 * concerns and reloading open pages. Stops cleanly: watchers, event streams
 * and the server are closed before it returns 0.
 */
export async function devCommand(config: Config, io: CliIo, options: DevCommandOptions): Promise<number> {
  const color = useColor(io, 'stderr');
  const log = { info: (text: string) => io.stderr.write(`${text}\n`), report: (text: string) => io.stderr.write(text) };
  const stopped = options.stopped ?? interrupted();
  const { session, url } = await DevSession.start(config, { port: options.port, reloadConfig: options.reloadConfig, log, color });
  io.stdout.write(`polyref dev: serving ${url} (Ctrl-C to stop)\n`);
  await stopped;
  await session.close();
  io.stderr.write('polyref dev: stopped\n');
  return 0;
}
