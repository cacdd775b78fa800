import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A package loaded the first time it is needed, synchronously, since the
 * parse stage is synchronous. The parsers that only unusual input calls for
 * (remark with MDX and GFM, the `yaml` package) cost more to load than a
 * check of a small site costs in all; most runs never load them. ESM-only
 * packages load through `require(esm)`, which Node supports from 20.19.
 */
export function onDemand<T>(load: (require: NodeJS.Require) => T): () => T {
  let loaded: { value: T } | null = null;
  return () => (loaded ??= { value: load(require) }).value;
}
