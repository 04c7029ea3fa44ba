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
import { namesFor, notWatchedSentence, recordedHistory, sinceSentence, timeOf } from './history-span';
import type { ResolvedTime } from '../language/time-phrase';
import { formatTime } from '../../cards/card-time';
import type { HistoryCursor, StoredMembershipEvent } from '../store';

const PAGE = 10;
/** Rows looked at for one page when filtering by person ("who added Bob to Legal"). */
const SCAN_LIMIT = 500;

interface Subject {
  id: string;
  name: string;
  users: { id: string; name: string }[];
}

/** Who joined (`added`) or left (`removed`) the members: the change filter of "who joined G lately". */
type Change = Intent['change'];

/** True when the entry is about one of the subject's people (when any) and is the change asked for (when any). Pure. */
function keeps(e: JournalEntry, ids: ReadonlySet<string>, change: Change): boolean {
  if (ids.size > 0 && !(e.target && ids.has(e.target.id))) return false;
  if (!change) return true;
  return e.action === (change === 'added' ? 'member.add' : 'member.remove') && e.result === 'succeeded';
}

/** The subject and cursor of a "More" click, when this run continues one. */
function pagedSubject(ctx: CommandContext): { subject: Subject; beforeSeq: number } | undefined {
  const c = ctx.continuation;
  if (c?.kind !== 'historyPage') return undefined;
  return { subject: { id: c.group.id, name: c.group.name, users: c.users }, beforeSeq: c.beforeSeq };
}

/** One page of entries about the subject (filtered by person when asked), newest first. Throws on database errors. */
async function pageOf(
  ctx: CommandContext,
  subject: Subject,
  beforeSeq: number | undefined,
  change?: Change,
): Promise<{ rows: JournalEntry[]; next?: number }> {
  const journal = ctx.journal;
  if (subject.users.length === 0 && !change) {
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
      if (keeps(e, ids, change)) rows.push(e);
      if (rows.length === PAGE) return { rows, ...(change ? {} : { next: e.seq }) };
    }
    if (p.nextBeforeSeq === undefined) return { rows };
    cursor = p.nextBeforeSeq;
  }
  return { rows, ...(cursor !== undefined && !change ? { next: cursor } : {}) };
}

/** Entries about the subject within a span of time (and person), newest first, at most a page. Throws on database errors. */
async function spanOf(
  ctx: CommandContext,
  subject: Subject,
  span: ResolvedTime,
  change?: Change,
): Promise<JournalEntry[]> {
  const journal = ctx.journal;
  const ids = new Set(subject.users.map((u) => u.id));
  const rows: JournalEntry[] = [];
  let cursor: number | undefined;
  for (let scanned = 0; scanned < SCAN_LIMIT;) {
    const p = await journal.history(subject.id, { limit: 50, ...(cursor !== undefined ? { beforeSeq: cursor } : {}) });
    scanned += p.entries.length;
    for (const e of p.entries) {
      if (e.at < span.from) return rows;
      if (e.at <= span.to && keeps(e, ids, change)) rows.push(e);
      if (rows.length === PAGE) return rows;
    }
    if (p.nextBeforeSeq === undefined) return rows;
    cursor = p.nextBeforeSeq;
  }
  return rows;
}

const VERB: Record<string, string> = {
  'member|added': 'joined the members',
  'member|removed': 'left the members',
  'owner|added': 'became an owner',
  'owner|removed': 'stopped being an owner',
};

/**
 * The changes recorded from Graph outside groupbot (delta rounds), as lines, with the sentence saying from when
 * history exists; for a group nobody watches, the sentence saying so. Throws on database errors.
 */
async function outsideLines(
  ctx: CommandContext,
  subject: Subject,
  span: ResolvedTime | undefined,
  change?: Change,
): Promise<string[]> {
  const cursor: HistoryCursor | undefined = await recordedHistory(ctx, subject.id);
  if (!cursor) return [notWatchedSentence(subject.name)];
  const events = (
    await ctx.history.repo.events(subject.id, {
      ...(span ? { from: new Date(span.from.getTime() - 1), to: span.to } : {}),
      ...(subject.users.length ? { memberIds: subject.users.map((u) => u.id) } : {}),
      limit: 50,
    })
  ).filter((e) => e.source === 'delta' && (!change || (e.relation === 'member' && e.change === change)));
  const known = new Map<string, string>();
  for (const e of events) if (e.memberName) known.set(e.memberId, e.memberName);
  const names = await namesFor(ctx, [...new Set(events.map((e) => e.memberId))], known);
  const lines = events.map((e: StoredMembershipEvent) => {
    const by = e.actorId
      ? `, by ${e.actorName ?? e.actorId}`
      : ' (who did it is not known: the audit log could not be read)';
    const when = e.actorId ? formatTime(e.at) : `by ${formatTime(e.at)}`;
    return `- ${when}: ${names.get(e.memberId) ?? e.memberId} ${VERB[`${e.relation}|${e.change}`] ?? 'changed'}${by}`;
  });
  const head = lines.length
    ? `Changes made outside groupbot${span ? ` (${span.label})` : ''}, newest first:`
    : `No changes made outside groupbot are recorded${span ? ` for ${span.label}` : ''}.`;
  return [head, ...lines, sinceSentence(subject.name, cursor)];
}

/**
 * "history of Marketing", "what changed in Marketing", "who added Bob to Legal?", "who joined Sales lately" (`change`:
 * only members added, or removed, on one page): the journal entries about the
 * group (and person), newest first, ten a page (More is a server-side cursor bound to the asker), with Undo on
 * entries that can still be undone. A deleted group's history is found when no live group matches; a group whose
 * members the asker may not read (hidden membership, Graph's 403) is refused, since its entries name members.
 * Never throws.
 */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const paged = pagedSubject(ctx);
  let subject = paged?.subject;
  const before = paged?.beforeSeq;
  if (!subject) {
    if (!intent.groups?.length)
      return say('Which group\'s history? For example: "history of Marketing" or "who added Bob to Legal?".');
    const found = await findHistorySubject({ ...intent, groups: intent.groups.slice(0, 1) }, ctx);
    if (!found.ok) return found.outcome;
    const g = found.value.group;
    subject = { id: g.id, name: g.displayName, users: found.value.users };
  }
  let span: ResolvedTime | undefined;
  if (!paged && intent.when) {
    const t = timeOf(intent.when, ctx, `what changed in ${subject.name} this week`);
    if (typeof t === 'string') return say(t);
    span = t;
  }
  try {
    const change = paged ? undefined : intent.change;
    const page = span ? { rows: await spanOf(ctx, subject, span, change) } : await pageOf(ctx, subject, before, change);
    const outside = paged ? [] : await outsideLines(ctx, subject, span, change);
    const entries = page.rows.map(toCardEntry).filter((e): e is CardEntry => e !== undefined);
    let nextCursor: string | undefined;
    if (page.next !== undefined) {
      const op = await saveConfirm(
        ctx,
        { intent: 'showHistory' },
        {
          kind: 'historyPage',
          group: { id: subject.id, name: subject.name },
          users: subject.users,
          beforeSeq: page.next,
        },
      );
      nextCursor = op.id;
    }
    const about =
      (subject.users.length ? ` about ${subject.users.map((u) => u.name).join(', ')}` : '') +
      (change ? ` (${change === 'added' ? 'who joined' : 'who left'})` : '');
    const title = `History of '${subject.name}'${about}`;
    const card = buildJournalCard({
      title,
      entries,
      now: ctx.now().toISOString(),
      subject: { id: subject.id, displayName: subject.name },
      ...(nextCursor ? { nextCursor } : {}),
    });
    const during = span ? ` (${span.label})` : '';
    const journalText = entries.length
      ? `${title}${during}, newest first:\n${entries.map((e) => `- ${historyLine(e, describeJournalEntry)}`).join('\n')}${nextCursor ? '\nChoose More for older changes.' : ''}`
      : `${typeof before === 'number' ? 'No older changes' : 'No changes'} to '${subject.name}'${about}${during} are recorded in my journal.`;
    // Changes recorded outside groupbot come as a reply of their own, after the journal's card.
    return outcome(reply(journalText, card), ...(outside.length ? [reply(outside.join('\n'))] : []));
  } catch (err) {
    return say(errorText(err));
  }
}
