import { describe, expect, it } from 'vitest';
import { buildSummaryLine, progressLine } from '../../src/cli/progress.js';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => written.push(text) } };
}

describe('progressLine', () => {
  it('rewrites one line in place on a TTY once the build has run a while, then clears it', () => {
    let now = 0;
    const { written, stream: stderr } = stream(true);
    const progress = progressLine({ stderr, env: {} }, 'Rendering pages', () => now);
    now = 100;
    progress.update(1, 10);
    expect(written).toEqual([]);
    now = 500;
    progress.update(5, 10);
    now = 550;
    progress.update(6, 10);
    now = 700;
    progress.update(8, 10);
    progress.end();
    expect(written).toEqual(['\r\u001b[2KRendering pages 5/10 (0.5s)', '\r\u001b[2KRendering pages 8/10 (0.7s)', '\r\u001b[2K']);
  });

  it('always shows the last page, however soon after the one before', () => {
    let now = 1000;
    const { written, stream: stderr } = stream(true);
    const progress = progressLine({ stderr, env: {} }, 'Rendering pages', () => now);
    now = 1500;
    progress.update(9, 10);
    now = 1510;
    progress.update(10, 10);
    expect(written.at(-1)).toBe('\r\u001b[2KRendering pages 10/10 (0.5s)');
  });

  it('writes nothing when stderr is not a terminal, under CI, or with NO_PROGRESS', () => {
    for (const [isTTY, env] of [
      [false, {}],
      [true, { CI: 'true' }],
      [true, { NO_PROGRESS: '1' }],
    ] as const) {
      let now = 0;
      const { written, stream: stderr } = stream(isTTY);
      const progress = progressLine({ stderr, env }, 'Rendering pages', () => now);
      now = 5000;
      progress.update(3, 4);
      progress.end();
      expect(written, JSON.stringify({ isTTY, env })).toEqual([]);
    }
  });
});

describe('buildSummaryLine', () => {
  it('says pages written, errors, warnings and seconds after a build', () => {
    expect(buildSummaryLine({ written: 13, errors: 0, warnings: 2, seconds: 2.314, out: 'out' }, false)).toBe('⚠ Built 13 pages into out in 2.31s: 0 errors, 2 warnings\n');
    expect(buildSummaryLine({ written: 1, errors: 0, warnings: 0, seconds: 0.5, out: 'site' }, false)).toBe('✔ Built 1 page into site in 0.50s: 0 errors, 0 warnings\n');
    expect(buildSummaryLine({ written: 1000, errors: 0, warnings: 0, seconds: 0.9, out: 'out', fromCache: 997 }, false)).toBe('✔ Built 1000 pages into out in 0.90s (997 from the cache): 0 errors, 0 warnings\n');
  });

  it('says the output was left alone after a failed build', () => {
    expect(buildSummaryLine({ written: null, errors: 3, warnings: 1, seconds: 1, out: 'out' }, false)).toBe('✖ Build failed in 1.00s: 3 errors, 1 warning; out was left as it was\n');
  });

  it('colours only the mark, and only when asked', () => {
    expect(buildSummaryLine({ written: 2, errors: 0, warnings: 0, seconds: 1, out: 'out' }, true)).toBe('\u001b[32m✔\u001b[39m Built 2 pages into out in 1.00s: 0 errors, 0 warnings\n');
  });
});
