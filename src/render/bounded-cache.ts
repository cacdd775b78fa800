/**
 * Values made once per key and kept while the cache has room: a long-lived
 * process (the dev server) renders many sites over time, so the cache starts
 * afresh when full rather than growing without end.
 */
export class BoundedCache<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string, make: () => V): V {
    let value = this.values.get(key);
    if (value === undefined) {
      value = make();
      if (this.values.size >= this.limit) this.values.clear();
      this.values.set(key, value);
    }
    return value;
  }
}
