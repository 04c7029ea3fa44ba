/**
 * A key → set-of-ids map for reverse relationships (object → groups it is in or owns), where most keys hold a
 * single value: one value is stored as the string itself, two or more as a Set. On a 100,000-user tenant this
 * saves a Set (about 150 bytes) per user.
 */
export class CompactMultiMap {
  private readonly map = new Map<string, string | Set<string>>();

  /** Adds a value under a key (no-op when present). Never throws. */
  add(key: string, value: string): void {
    const cur = this.map.get(key);
    if (cur === undefined) this.map.set(key, value);
    else if (typeof cur === 'string') {
      if (cur !== value) this.map.set(key, new Set([cur, value]));
    } else cur.add(value);
  }

  /** Removes a value under a key (no-op when absent). Never throws. */
  remove(key: string, value: string): void {
    const cur = this.map.get(key);
    if (cur === undefined) return;
    if (typeof cur === 'string') {
      if (cur === value) this.map.delete(key);
      return;
    }
    cur.delete(value);
    if (cur.size === 1) this.map.set(key, cur.values().next().value as string);
    else if (cur.size === 0) this.map.delete(key);
  }

  /** Whether a key holds a value. Never throws. */
  has(key: string, value: string): boolean {
    const cur = this.map.get(key);
    return cur === undefined ? false : typeof cur === 'string' ? cur === value : cur.has(value);
  }

  /** A copy of the values under a key (empty when none). Never throws. */
  get(key: string): string[] {
    const cur = this.map.get(key);
    return cur === undefined ? [] : typeof cur === 'string' ? [cur] : [...cur];
  }
}
