/**
 * What a click on a card button is told when its pending operation cannot run (docs/cards-and-conversation.md,
 * State between turns): someone else's card, a button already used (what that use did, and when), a button that
 * expired. Every such answer is for the clicker only and leaves the clicked card as it is (`keepCard`), so a
 * double click never hides an outcome and a stranger's click never changes what others see. Pure.
 */
import { formatTime } from '../../cards/card-time';
import type { Outcome, PendingDone, PendingOperation } from './context';
import { clickerOnly } from './reply';

export const EXPIRED = 'That button has expired or was already used, so nothing was done. Please ask me again.';

/** "This card is Ana Silva's: only they can use it. Nothing was done; …" (the owner's name when stored). */
export function notYoursText(ownerName: string | undefined): string {
  const whose = ownerName
    ? `This card is ${ownerName}'s: only they can use it.`
    : 'This card is for the person who asked: only they can use it.';
  return `${whose} Nothing was done. If you want the same thing, ask me yourself.`;
}

/** The sentence for a click on an operation that was already used. */
export function usedText(op: Pick<PendingOperation, 'usedAt' | 'done'>): string {
  const done = op.done;
  if (!done) {
    const since = op.usedAt ? ` (since ${formatTime(new Date(op.usedAt))})` : '';
    return `That is already under way${since}, so I did not start it again. Its answer will show on the card.`;
  }
  const at = formatTime(new Date(done.at));
  if (done.how === 'cancelled') return `Already cancelled at ${at}, so nothing was done.`;
  const lead = done.how === 'done' ? 'Already done' : 'Already answered';
  return `${lead} at ${at}: ${done.summary}${/[.!?]$/.test(done.summary) ? '' : '.'} I did not do it again.`;
}

/** The clicker-only answers, as Outcomes. */
export const answers = {
  expired: (): Outcome => clickerOnly(EXPIRED),
  notYours: (op: Pick<PendingOperation, 'actorName'>): Outcome => clickerOnly(notYoursText(op.actorName)),
  used: (op: Pick<PendingOperation, 'usedAt' | 'done'>): Outcome => clickerOnly(usedText(op)),
};

/** The sentence an outcome begins with, as stored in PendingDone (at most 300 characters). */
export function summaryOf(out: Outcome): string {
  const first = out.replies.find((r) => r.text.trim())?.text ?? 'the answer shown on the card';
  // One line: "Adding members to 'X':\n- Ana was added" reads "Adding members to 'X': Ana was added".
  const text = first
    .replace(/\n\s*[-•]\s*/g, '; ')
    .replace(/:\s*;\s*/g, ': ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 300 ? `${text.slice(0, 297)}…` : text;
}

/** What a finished use did, for PendingStore.finish. */
export function doneOf(how: PendingDone['how'], out: Outcome, at: Date): PendingDone {
  return { at: at.toISOString(), how, summary: how === 'cancelled' ? 'Cancelled.' : summaryOf(out) };
}
