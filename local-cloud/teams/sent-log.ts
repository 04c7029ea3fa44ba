/**
 * What the bot sent through the connector, in order, with the current state of every message (after updates
 * and deletes) and event-driven waits: a per-conversation read cursor for `next`, and waiters woken on each entry.
 * With a file, the messages' current state survives a restart (an append-only JSON-lines journal replayed at
 * start), so the bot can still update or delete a card it posted before; the log of entries starts empty.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BotSent, WaitOptions } from './teams-client-types';

interface JournalLine {
  c: string;
  id: string;
  /** The activity, or null for a deleted message. */
  a: Record<string, unknown> | null;
}

interface Waiter {
  conversationId: string;
  match: (s: BotSent) => boolean;
  resolve: (s: BotSent) => void;
}

export class SentLog {
  private readonly entries: BotSent[] = [];
  private readonly current = new Map<string, Record<string, unknown>>();
  private readonly cursors = new Map<string, number>();
  private waiters: Waiter[] = [];
  private listeners: Array<(s: BotSent) => void> = [];

  /** Replays `file` (when given) into the messages' current state. Throws on an unreadable file. */
  constructor(private readonly file?: string) {
    if (!file || !fs.existsSync(file)) return;
    let text = fs.readFileSync(file, 'utf8');
    if (text && !text.endsWith('\n')) {
      // A kill mid-append left a torn last line: cut it off, so that later appends start on a line of their own.
      text = text.slice(0, text.lastIndexOf('\n') + 1);
      fs.truncateSync(file, Buffer.byteLength(text));
    }
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let entry: JournalLine;
      try {
        entry = JSON.parse(line) as JournalLine;
      } catch (err) {
        if (err instanceof SyntaxError) throw new Error(`local-cloud: ${file} has a line that is not JSON`);
        throw err;
      }
      const key = `${entry.c}\u0000${entry.id}`;
      if (entry.a) this.current.set(key, entry.a);
      else this.current.delete(key);
    }
  }

  private journal(conversationId: string, activityId: string, activity: Record<string, unknown> | null): void {
    if (!this.file) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const line: JournalLine = { c: conversationId, id: activityId, a: activity };
    fs.appendFileSync(this.file, `${JSON.stringify(line)}\n`, { mode: 0o600 });
  }

  /** Records an entry, updates the message state, wakes waiters and listeners. Returns the entry. */
  record(entry: Omit<BotSent, 'seq'>): BotSent {
    const sent: BotSent = { ...entry, seq: this.entries.length + 1 };
    this.entries.push(sent);
    const key = `${sent.conversationId}\u0000${sent.activityId}`;
    if (sent.kind === 'delete') this.current.delete(key);
    else if (sent.activity) this.current.set(key, sent.activity);
    this.journal(sent.conversationId, sent.activityId, sent.kind === 'delete' ? null : (sent.activity ?? null));
    this.notify(sent);
    for (const l of this.listeners) l(sent);
    return sent;
  }

  /** Replaces a message's stored state without a connector call (a card an invoke response put in place). */
  replace(conversationId: string, activityId: string, activity: Record<string, unknown>): void {
    this.current.set(`${conversationId}\u0000${activityId}`, activity);
    this.journal(conversationId, activityId, activity);
  }

  /** Called for every entry after it is recorded. */
  onRecord(listener: (s: BotSent) => void): void {
    this.listeners.push(listener);
  }

  has(conversationId: string, activityId: string): boolean {
    return this.current.has(`${conversationId}\u0000${activityId}`);
  }

  list(conversationId?: string): BotSent[] {
    return conversationId ? this.entries.filter((e) => e.conversationId === conversationId) : [...this.entries];
  }

  activity(conversationId: string, activityId: string): Record<string, unknown> | undefined {
    return this.current.get(`${conversationId}\u0000${activityId}`);
  }

  /** Resolves with the first entry after the conversation's cursor that matches, moving the cursor past it. */
  next(conversationId: string, opts: WaitOptions = {}): Promise<BotSent> {
    const match = opts.match ?? (() => true);
    const start = this.cursors.get(conversationId) ?? 0;
    const found = this.entries.find((e) => e.seq > start && e.conversationId === conversationId && match(e));
    if (found) {
      this.cursors.set(conversationId, found.seq);
      return Promise.resolve(found);
    }
    const timeoutMs = opts.timeoutMs ?? 10_000;
    return new Promise<BotSent>((resolve, reject) => {
      const waiter: Waiter = {
        conversationId,
        match: (e) => e.seq > (this.cursors.get(conversationId) ?? 0) && match(e),
        resolve: (e) => {
          clearTimeout(timer);
          this.cursors.set(conversationId, e.seq);
          resolve(e);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const seen = this.list(conversationId)
          .filter((e) => e.seq > start)
          .map((e) => `${e.kind} ${describe(e)}`);
        reject(
          new Error(
            `local-cloud: nothing matching from the bot in ${conversationId} within ${timeoutMs} ms` +
              (seen.length ? `; it sent: ${seen.join(' | ')}` : '; it sent nothing there'),
          ),
        );
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Wakes the first waiter the entry satisfies. */
  private notify(sent: BotSent): void {
    const woken = this.waiters.filter((w) => w.conversationId === sent.conversationId && w.match(sent));
    if (!woken.length) return;
    const first = woken[0] as Waiter;
    this.waiters = this.waiters.filter((w) => w !== first);
    first.resolve(sent);
  }
}

/** A short description of an entry for timeout messages (text or attachment types, never tokens). */
export function describe(e: BotSent): string {
  const a = e.activity;
  if (!a) return e.activityId;
  const text = typeof a.text === 'string' ? a.text.slice(0, 80) : '';
  const attachments = Array.isArray(a.attachments)
    ? (a.attachments as Array<{ contentType?: string }>).map((x) => x.contentType).join(',')
    : '';
  return [String(a.type ?? ''), JSON.stringify(text), attachments].filter(Boolean).join(' ');
}
