import type { Intent } from '../language';
import { buildJournalCard, describeJournalEntry } from '../../cards/journal-card';
import type { JournalEntry as CardEntry } from '../../cards/view-models';
import type { CommandContext, Outcome } from './context';
import { errorText } from './error-text';
import { saveConfirm } from './pending-ops';
import { outcome, reply, say } from './reply';
import type { JournalEntry } from '../store/types';
import { findHistorySubject } from './history-subject';
import { historyLine, toCardEntry } from './history-view';
import { NO_JOURNAL } from './undo';

const PAGE = 10;
/** Rows looked at for one page when filtering by person ("who added Bob to Legal"). */
const SCAN_LIMIT = 500;

interface Subject { id: string; name: string; users: { id: string; name: string }[] }

/** The subject and cursor of a "More" click, when this run continues one. */
function pagedSubject(ctx: CommandContext): { subject: Subject; beforeSeq: number } | undefined {
  const c = ctx.continuation;
  if (c?.kind !== 'historyPage') return undefined;
  return { subject: { id: c.group.id, name: c.group.name, users: c.users }, beforeSeq: c.beforeSeq };
}

/** One page of entries about the subject (filtered by person when asked), newest first. Throws on database errors. */
async function pageOf(ctx: CommandContext, subject: Subject, beforeSeq: number | undefined): Promise<{ rows: JournalEntry[]; next?: number }> {
  const journal = ctx.journal;
  if (!journal) return { rows: [] };
  if (subject.users.length === 0) {
    const p = await journal.history(subject.id, { limit: PAGE, ...(beforeSeq !== undefined ? { beforeSeq } : {}) });
    return { rows: p.entries, ...(p.nextBeforeSeq !== undefined ? { next: p.nextBeforeSeq } : {}) };
  }
  const ids = new Set(subject.users.map((u) => u.id));
  const rows: JournalEntry[] = [];
  let cursor = beforeSeq;
  for (let scanned = 0; scanned < SCAN_LIMIT;) {
    const p = await journal.history(subject.id, { limit: 50, ...(cursor !== undefined ? { beforeSeq: cursor } : {}) });
    scanned += p.entries.length;
    for (const e of p.entries) {
      if (e.target && ids.has(e.target.id)) rows.push(e);
      if (rows.length === PAGE) return { rows, next: e.seq };
    }
    if (p.nextBeforeSeq === undefined) return { rows };
    cursor = p.nextBeforeSeq;
  }
  return { rows, ...(cursor !== undefined ? { next: cursor } : {}) };
}

/**
 * "history of Marketing", "what changed in Marketing", "who added Bob to Legal?": the journal entries about the
 * group (and person), newest first, ten a page (More is a server-side cursor bound to the asker), with Undo on
 * entries that can still be undone. A deleted group's history is found when no live group matches; a group whose
 * members the asker may not read (hidden membership, Graph's 403) is refused, since its entries name members.
 * Never throws.
 */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  if (!ctx.journal) return say(NO_JOURNAL);
  const paged = pagedSubject(ctx);
  let subject = paged?.subject;
  const before = paged?.beforeSeq;
  if (!subject) {
    if (!intent.groups?.length) return say('Which group\'s history? For example: "history of Marketing" or "who added Bob to Legal?".');
    const found = await findHistorySubject({ ...intent, groups: intent.groups.slice(0, 1) }, ctx);
    if (!found.ok) return found.outcome;
    const g = found.value.group;
    subject = { id: g.id, name: g.displayName, users: found.value.users };
  }
  try {
    const page = await pageOf(ctx, subject, before);
    const entries = page.rows.map(toCardEntry).filter((e): e is CardEntry => e !== undefined);
    let nextCursor: string | undefined;
    if (page.next !== undefined) {
      const op = await saveConfirm(ctx, { intent: 'showHistory' }, {
        kind: 'historyPage', group: { id: subject.id, name: subject.name }, users: subject.users, beforeSeq: page.next,
      });
      nextCursor = op.id;
    }
    const about = subject.users.length ? ` about ${subject.users.map((u) => u.name).join(', ')}` : '';
    const title = `History of '${subject.name}'${about}`;
    const card = buildJournalCard({ title, entries, now: ctx.now().toISOString(), subject: { id: subject.id, displayName: subject.name }, ...(nextCursor ? { nextCursor } : {}) });
    const text = entries.length
      ? `${title}, newest first:\n${entries.map((e) => `- ${historyLine(e, describeJournalEntry)}`).join('\n')}${nextCursor ? '\nChoose More for older changes.' : ''}`
      : `${typeof before === 'number' ? 'No older changes' : 'No changes'} to '${subject.name}'${about} are recorded in my journal.`;
    return outcome(reply(text, card));
  } catch (err) {
    return say(errorText(err));
  }
}
