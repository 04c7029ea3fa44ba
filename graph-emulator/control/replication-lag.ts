/**
 * Directory replication delay, as a knob (docs/graph-behaviour.md, Replication delay): for `seconds` after a group
 * is created, it is missing from `GET /groups` lists (`$filter`, `$search`, `$count` included), and member or
 * owner adds on it (or naming it as the member) answer 400 E16 "The source resource object or one of the
 * objects being referenced don't exist.", as Graph documents for adds right after a create. Reads by id see it
 * at once. Off (0) unless EmulatorOptions.replicationLagSeconds, `--replication-lag-seconds` or
 * `POST /_emulator/replication-lag {"seconds": N}` sets it.
 */

/** Most recent creates remembered (older ones are long past any lag). */
const MOST = 10_000;

export class ReplicationLag {
  private lagMs: number;
  /** Group id → when it was created (ms). */
  private readonly created = new Map<string, number>();

  constructor(
    seconds = 0,
    private readonly now: () => number = Date.now,
  ) {
    this.lagMs = ReplicationLag.checked(seconds) * 1000;
  }

  private static checked(seconds: unknown): number {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > 3600)
      throw new Error("'seconds' must be a number from 0 to 3600");
    return seconds;
  }

  /** The lag in seconds (0 = off). */
  get seconds(): number {
    return this.lagMs / 1000;
  }

  /** Sets the lag for creates from now on and for those still lagging. Throws Error when out of 0-3600. */
  set(seconds: unknown): number {
    this.lagMs = ReplicationLag.checked(seconds) * 1000;
    return this.seconds;
  }

  /** Notes a group just created. Never throws. */
  noteCreated(id: string): void {
    if (this.lagMs <= 0) return;
    this.created.set(id.toLowerCase(), this.now());
    if (this.created.size > MOST) {
      const oldest = this.created.keys().next().value;
      if (oldest !== undefined) this.created.delete(oldest);
    }
  }

  /** True while the group is still replicating. Never throws. */
  lagging(id: string): boolean {
    const at = this.created.get(id.toLowerCase());
    if (at === undefined) return false;
    if (this.now() - at < this.lagMs) return true;
    this.created.delete(id.toLowerCase());
    return false;
  }

  /** The objects of `items` that have replicated (lazily, so paging stops early). Never throws. */
  *replicated<T extends Record<string, unknown>>(items: Iterable<T>): Generator<T> {
    for (const o of items) if (this.created.size === 0 || !this.lagging(String(o.id))) yield o;
  }

  /** For GET /_emulator/replication-lag. Never throws. */
  describe(): { seconds: number; lagging: number } {
    return { seconds: this.seconds, lagging: [...this.created.keys()].filter((id) => this.lagging(id)).length };
  }
}
