import { randomUUID } from 'node:crypto';
import type { PendingDone, PendingOperation, PendingStore } from './context';

/** In-process PendingStore (terminal chat and tests); the Teams bot uses the durable one in bot/store. */
export class MemoryPendingStore implements PendingStore {
  private readonly items = new Map<string, PendingOperation>();

  constructor(private readonly clock: () => number = Date.now) {}

  async put(op: Omit<PendingOperation, 'id'>): Promise<PendingOperation> {
    const full = { ...op, id: randomUUID() };
    this.items.set(full.id, full);
    return full;
  }

  async get(id: string): Promise<PendingOperation | undefined> {
    const op = this.items.get(id);
    if (op && op.expiresAt < this.clock()) {
      this.items.delete(id);
      return undefined;
    }
    return op;
  }

  async take(id: string): Promise<PendingOperation | undefined> {
    const op = await this.get(id);
    if (!op || op.usedAt) return undefined;
    const used = { ...op, usedAt: new Date(this.clock()).toISOString() };
    this.items.set(id, used);
    return used;
  }

  async finish(id: string, done: PendingDone, keepUntil: number): Promise<void> {
    const op = this.items.get(id);
    if (op) this.items.set(id, { ...op, done, expiresAt: Math.max(op.expiresAt, keepUntil) });
  }
}
