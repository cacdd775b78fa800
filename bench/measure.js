#!/usr/bin/env node
/**
 * Runs one polyref command in this process, output discarded, and prints
 * what it cost as JSON on the last line of stdout:
 *
 *   node bench/measure.js check            (in the site folder)
 *   → {"exitCode":0,"ms":…,"importMs":…,"mainMs":…,"maxRssMb":…,"userMs":…,"systemMs":…,"lastLine":…}
 *
 * `ms` runs from the start of this script (module loading included) to the
 * end of `main`; `maxRssMb` is the peak resident set of the whole process.
 * `lastLine` is the last line the command wrote (a build's summary); when
 * the command fails, the end of what it wrote is included as `output`.
 */
const started = performance.now();
const { main } = await import('../dist/cli/main.js');
const loaded = performance.now();

const keep = 4000;
let output = '';
/** Keeps the last `keep` characters of everything written, for failures. */
const sink = {
  isTTY: false,
  /** @param {string} text */
  write(text) {
    output = (output + text).slice(-keep);
    return true;
  },
};

const exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: sink,
  stderr: sink,
  env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
});
const finished = performance.now();
const usage = process.resourceUsage();

const result = {
  exitCode,
  ms: round(finished - started),
  importMs: round(loaded - started),
  mainMs: round(finished - loaded),
  // `maxRSS` is in kilobytes.
  maxRssMb: round(usage.maxRSS / 1024),
  userMs: round(usage.userCPUTime / 1000),
  systemMs: round(usage.systemCPUTime / 1000),
  lastLine: output.trimEnd().split('\n').at(-1) ?? '',
  ...(exitCode === 0 ? {} : { output }),
};
process.stdout.write(`\n${JSON.stringify(result)}\n`);
process.exitCode = exitCode;

/** @param {number} value */
function round(value) {
  return Math.round(value * 10) / 10;
}
