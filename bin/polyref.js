#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

// A reader that stops early (`polyref check --format sarif | head`) closes the pipe: not a polyref failure to print a stack for.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
