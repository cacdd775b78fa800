import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isScalar, parseDocument } from 'yaml';
import { coreSchemaValue } from '../../src/parse/core-schema.js';

/** What the `yaml` package makes of a plain scalar standing alone as a document. */
function yamlValue(text: string): unknown {
  const contents = parseDocument(text).contents;
  return contents === null ? null : isScalar(contents) ? contents.value : undefined;
}

/** Plain scalars that look like numbers, booleans or nulls, or almost do. */
const numberish = fc
  .array(fc.constantFrom(...'0123456789', '.', '-', '+', 'e', 'E', 'x', 'o', 'a', 'F', '_', 'inf', 'Inf', 'INF', 'nan', 'NaN', '.inf', '.nan', ':'), { maxLength: 8 })
  .map((parts) => parts.join(''));
const wordish = fc.constantFrom(
  '', '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'no', 'on', 'off', 'y', 'n',
  '0o17', '0o8', '0O17', '0x1F', '0X1F', '0xg', '-0', '+0', '007', '1e3', '1.', '.5', '-.5e-2', '1_000', '-.inf', '+.INF', '.NaN', '9007199254740993',
);

describe('core schema', () => {
  it('core-schema: types a plain scalar exactly as the yaml package does', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.oneof(numberish, wordish), (text) => {
        const expected = yamlValue(text);
        // Text that is no lone plain scalar (`-`, `a: b`, a `...` document marker) is not one the fast reader types.
        if (expected === undefined || /^[-?:]( |$)|: |^(?:\.\.\.|---)(?:\s|$)/.test(text)) return;
        compared += 1;
        // `Object.is` tells NaN, -0 and 0 apart as the values themselves do.
        expect(Object.is(coreSchemaValue(text), expected), `${JSON.stringify(text)} → ${String(expected)}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(compared).toBeGreaterThan(2000);
  });

  it('core-schema: reads every kind of core scalar', () => {
    expect(['', '~', 'Null', 'TRUE', 'false', '0o17', '-12', '0x1F', '-.inf', '.NaN', '1e3', '-0.50', 'yes', '1_000'].map(coreSchemaValue)).toStrictEqual([
      null, null, null, true, false, 15, -12, 31, Number.NEGATIVE_INFINITY, NaN, 1000, -0.5, 'yes', '1_000',
    ]);
  });
});
