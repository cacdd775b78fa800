import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { binary, repoRoot } from './run-cli.js';

export interface ServingProcess {
  /** The folder the command runs in. */
  dir: string;
  /** `http://127.0.0.1:PORT/`, with the base path. */
  url: string;
  child: ChildProcess;
  stderr(): string;
  /** Sends SIGINT and resolves with the exit code. */
  interrupt(): Promise<number | null>;
  /** Kills the server if it still runs and removes the folder. */
  cleanup(): void;
}

export type DevServerProcess = ServingProcess;

/** `polyref dev --port 0` on a fresh copy of the example site, once it says where it serves. */
export async function startDevServer(): Promise<DevServerProcess> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyref-dev-'));
  for (const name of ['content', 'examples', 'polyref.config.json', 'openapi.yaml']) fs.cpSync(path.join(repoRoot, name), path.join(dir, name), { recursive: true });
  return startServing(['dev', '--port', '0'], dir);
}

/** Runs a polyref command that serves (`dev`, `serve`) in `dir`, once it prints `serving <url>`; `dir` is removed by `cleanup`. */
export async function startServing(args: string[], dir: string): Promise<ServingProcess> {
  const child = spawn(process.execPath, [binary, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const found = /serving (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(stdout);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`polyref ${args[0]} exited with ${code}\n${stderr}`)));
  });
  return {
    dir,
    url,
    child,
    stderr: () => stderr,
    interrupt: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGINT');
      }),
    cleanup: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
