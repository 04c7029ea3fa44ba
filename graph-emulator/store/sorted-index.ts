/**
 * A sorted (key, id) index for exact and prefix lookups by case-insensitive string keys, kept in memory and
 * updated on every write. Binary search; insert/remove are O(n) array splices (memmove), fine at 100k entries.
 */
export class SortedIndex {
  private keys: string[] = [];
  private ids: string[] = [];

  /** Normalises a key the way lookups compare it (lower case). Never throws. */
  static norm(value: string): string {
    return value.toLowerCase();
  }

  get size(): number {
    return this.keys.length;
  }

  /** First position whose (key, id) is >= the given pair. */
  private lowerBound(key: string, id = ''): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const k = this.keys[mid] as string;
      if (k < key || (k === key && (this.ids[mid] as string) < id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Adds an entry; a null/empty value is not indexed. Never throws. */
  add(value: string | null | undefined, id: string): void {
    if (!value) return;
    const key = SortedIndex.norm(value);
    const at = this.lowerBound(key, id);
    if (this.keys[at] === key && this.ids[at] === id) return;
    this.keys.splice(at, 0, key);
    this.ids.splice(at, 0, id);
  }

  /** Removes an entry if present. Never throws. */
  remove(value: string | null | undefined, id: string): void {
    if (!value) return;
    const key = SortedIndex.norm(value);
    const at = this.lowerBound(key, id);
    if (this.keys[at] === key && this.ids[at] === id) {
      this.keys.splice(at, 1);
      this.ids.splice(at, 1);
    }
  }

  /**
   * Replaces the whole index from objects and a key function (bulk load). Keys repeated across objects (given
   * names, surnames) share one normalised string. Never throws.
   */
  load<T extends { id: string }>(items: Iterable<T>, keyOf: (item: T) => string | null | undefined): void {
    const normalised = new Map<string, string>();
    const keys: string[] = [];
    const ids: string[] = [];
    for (const item of items) {
      const value = keyOf(item);
      if (!value) continue;
      let key = normalised.get(value);
      if (key === undefined) normalised.set(value, (key = SortedIndex.norm(value)));
      keys.push(key);
      ids.push(item.id);
    }
    // Sort positions rather than [key, id] pairs: no per-entry garbage on a 100,000-entry load.
    const order = new Uint32Array(keys.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    order.sort((a, b) => {
      const ka = keys[a] as string;
      const kb = keys[b] as string;
      if (ka !== kb) return ka < kb ? -1 : 1;
      const ia = ids[a] as string;
      const ib = ids[b] as string;
      return ia < ib ? -1 : ia > ib ? 1 : 0;
    });
    this.keys = Array.from(order, (i) => keys[i] as string);
    this.ids = Array.from(order, (i) => ids[i] as string);
  }

  /** Ids whose key equals value (case-insensitive), in key order. Never throws. */
  exact(value: string): string[] {
    const key = SortedIndex.norm(value);
    const out: string[] = [];
    for (let i = this.lowerBound(key); i < this.keys.length && this.keys[i] === key; i++)
      out.push(this.ids[i] as string);
    return out;
  }

  /** Ids whose key starts with prefix (case-insensitive), in key order. Never throws. */
  prefix(value: string): string[] {
    return [...this.prefixIds(value)];
  }

  /**
   * Ids whose key starts with prefix, in key order, produced lazily so a caller that needs only a page stops
   * early. The index must not change while iterating (true within one synchronous request handler). Never throws.
   */
  *prefixIds(value: string): Generator<string> {
    const key = SortedIndex.norm(value);
    for (let i = this.lowerBound(key); i < this.keys.length && (this.keys[i] as string).startsWith(key); i++)
      yield this.ids[i] as string;
  }
}
