/**
 * A sorted (key, id) index for exact and prefix lookups by case-insensitive string keys, kept in memory and
 * updated on every write. Binary search; insert/remove are O(n) array splices, fine at 100k entries.
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

  /** Replaces the whole index from unsorted pairs (bulk load). Never throws. */
  load(pairs: [string | null | undefined, string][]): void {
    const clean = pairs.filter((p): p is [string, string] => !!p[0]).map(([v, id]) => [SortedIndex.norm(v), id] as [string, string]);
    clean.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    this.keys = clean.map((p) => p[0]);
    this.ids = clean.map((p) => p[1]);
  }

  /** Ids whose key equals value (case-insensitive), in key order. Never throws. */
  exact(value: string): string[] {
    const key = SortedIndex.norm(value);
    const out: string[] = [];
    for (let i = this.lowerBound(key); i < this.keys.length && this.keys[i] === key; i++) out.push(this.ids[i] as string);
    return out;
  }

  /** Ids whose key starts with prefix (case-insensitive), in key order. Never throws. */
  prefix(value: string): string[] {
    const key = SortedIndex.norm(value);
    const out: string[] = [];
    for (let i = this.lowerBound(key); i < this.keys.length && (this.keys[i] as string).startsWith(key); i++) out.push(this.ids[i] as string);
    return out;
  }
}
