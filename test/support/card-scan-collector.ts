/**
 * Collects what the bot shows during a test process (every Adaptive Card it sends or updates, and its text replies)
 * and scans each with card-scan.ts, so a run can end with one verdict: nothing a person saw carried an object id
 * or Graph's own error wording, and at least one card was actually scanned. Button payloads stay exempt, as
 * card-scan.ts decides.
 */
import { cardLeaks } from './card-scan';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** One thing the bot showed, with what the scan found in it (empty when clean). */
export interface ScannedShown {
  /** Where it was seen, e.g. "updateMessage 1733... in a:1x2y". */
  source: string;
  kind: 'card' | 'text';
  /** The card's content or the reply's text. */
  shown: unknown;
  leaks: string[];
}

/** The texts of a card's TextBlocks and facts, for a failure message (never throws). */
function cardTextOf(card: unknown): string {
  const parts: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o['text'] === 'string') parts.push(o['text']);
      if (typeof o['title'] === 'string' && typeof o['value'] === 'string') parts.push(`${o['title']}: ${o['value']}`);
      for (const [k, x] of Object.entries(o)) if (k !== 'data') walk(x);
    }
  };
  walk(card);
  return parts.join(' | ');
}

/** A list of everything the bot showed, scanned on arrival. */
export class CardScanLog {
  readonly scanned: ScannedShown[] = [];

  /** Scans one Adaptive Card's content. */
  recordCard(source: string, card: unknown): void {
    this.scanned.push({ source, kind: 'card', shown: card, leaks: cardLeaks(card) });
  }

  /** Scans a bot message: its text (when not empty) and each Adaptive Card attachment. */
  recordMessage(source: string, message: { text?: unknown; attachments?: unknown }): void {
    if (typeof message.text === 'string' && message.text.trim())
      this.scanned.push({ source, kind: 'text', shown: message.text, leaks: cardLeaks(message.text) });
    const attachments = Array.isArray(message.attachments) ? (message.attachments as unknown[]) : [];
    for (const a of attachments) {
      const att = a as { contentType?: unknown; content?: unknown };
      if (att && att.contentType === ADAPTIVE_CARD && att.content) this.recordCard(source, att.content);
    }
  }

  /** How many cards were scanned. */
  cardCount(): number {
    return this.scanned.filter((s) => s.kind === 'card').length;
  }

  /**
   * Undefined when at least one card was scanned and nothing leaked; otherwise what went wrong: each offending
   * card or reply with its text and what matched, or that no card was scanned at all.
   */
  verdict(): string | undefined {
    const bad = this.scanned.filter((s) => s.leaks.length > 0);
    if (bad.length) {
      const lines = bad.map(
        (s) =>
          `- ${s.kind} (${s.source}): ${(s.kind === 'card' ? cardTextOf(s.shown) : String(s.shown)).slice(0, 600)}\n` +
          s.leaks.map((l) => `    matched: ${l}`).join('\n'),
      );
      return (
        `${bad.length} of ${this.scanned.length} things the bot showed carry what only machines should see:\n` +
        lines.join('\n')
      );
    }
    if (this.cardCount() === 0)
      return `no card was scanned (${this.scanned.length} text replies): the e2e drivers did not record what the bot showed`;
    return undefined;
  }
}

/** The process-wide log the e2e drivers record into and the e2e root hook judges. */
export const shownByBot = new CardScanLog();
