/**
 * Values made once per key and kept while the cache has room: a build of a
 * large site must not hold every page's values, and a long-lived process
 * (the dev server) renders many sites over time, so the cache starts afresh
 * when full rather than growing without end. Room is counted in
 * values, or in what `weigh` says each value costs (characters of HTML).
 */
export class BoundedCache<V> {
  private readonly values = new Map<string, V>();
  private used = 0;

  constructor(
    private readonly limit: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  get(key: string, make: () => V): V {
    let value = this.values.get(key);
    if (value === undefined) {
      value = make();
      const weight = this.weigh(value);
      if (this.used + weight > this.limit) {
        this.values.clear();
        this.used = 0;
      }
      this.values.set(key, value);
      this.used += weight;
    }
    return value;
  }
}

/** A bounded cache per owner (a site's configuration, an example store), made when first asked for and gone with its owner. */
export class BoundedCaches<Owner extends object, V> {
  private readonly byOwner = new WeakMap<Owner, BoundedCache<V>>();

  constructor(private readonly limit: number) {}

  of(owner: Owner): BoundedCache<V> {
    let cache = this.byOwner.get(owner);
    if (!cache) this.byOwner.set(owner, (cache = new BoundedCache(this.limit)));
    return cache;
  }
}
