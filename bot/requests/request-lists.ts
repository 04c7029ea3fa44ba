/**
 * "my requests" (one's own requests, with Cancel on pending ones) and "pending approvals" (requests the actor may
 * decide). Both hold justifications and reasons, so in a shared chat they go to the actor's 1:1 chat and the shared
 * chat gets one short line addressed to them: for "my requests", the groups and where each request stands.
 */
import type { AccessRequest } from '../store/types';
import type { Reply } from '../shared/types';
import { buildRequestListCard } from '../../cards';
import type { RequestActor, RequestWorkflow } from './request-workflow';
import type { TurnPlace } from './request-ports';
import { summaryOf } from './request-views';

const LIMIT = 20;

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

async function privately(
  workflow: RequestWorkflow,
  place: TurnPlace,
  actor: RequestActor,
  short: string,
  reply: Reply,
): Promise<Reply[]> {
  if (!place.shared || !reply.card) return [reply];
  return workflow.notices.answer(place, actor.id, short, { text: reply.text, card: reply.card });
}

const SHORT_LIMIT = 5;

/** Where one request stands, in words, without its justification or reason (they stay out of shared chats). */
function stateOf(r: AccessRequest): string {
  const by = r.decidedByName ? ` by ${r.decidedByName}` : '';
  switch (r.state) {
    case 'pending':
      return 'waiting for a decision';
    case 'approving':
      return `approved${by}, being added`;
    case 'approved':
    case 'denied':
      return `${r.state}${by}`;
    default:
      return r.state;
  }
}

/**
 * "Finance Readers (approved by Megan Bowen), Legal (waiting for a decision)": the groups and states of the first
 * requests, the rest counted. Pure.
 */
export function stateLine(requests: readonly AccessRequest[]): string {
  const shown = requests.slice(0, SHORT_LIMIT).map((r) => `${r.groupName} (${stateOf(r)})`);
  const rest = requests.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

/** The actor's requests, newest first (closed ones too). Throws database errors. */
export async function listMine(workflow: RequestWorkflow, actor: RequestActor, place: TurnPlace): Promise<Reply[]> {
  const mine = await workflow.requests.listMine(actor.id.toLowerCase(), { includeClosed: true, limit: LIMIT });
  const card = buildRequestListCard({ view: 'mine', requests: mine.map((s) => summaryOf(s.request)) });
  const text = mine.length ? `Your access requests (${mine.length}).` : 'You have no access requests.';
  const short = mine.length
    ? `You have ${mine.length} access ${plural(mine.length, 'request', 'requests')}: ${stateLine(mine.map((m) => m.request))}.`
    : 'You have no access requests.';
  if (mine.length === 0)
    return place.shared
      ? workflow.notices.answer(place, actor.id, short)
      : [{ text, card: card as unknown as Record<string, unknown> }];
  return privately(workflow, place, actor, short, { text, card: card as unknown as Record<string, unknown> });
}

/**
 * Pending requests the actor may decide (owner of the group, or a Groups / Global Administrator); none when
 * empty and `omitWhenEmpty`. Throws the directory's and database errors.
 */
export async function listPending(
  workflow: RequestWorkflow,
  actor: RequestActor,
  place: TurnPlace,
  opts: { omitWhenEmpty?: boolean } = {},
): Promise<Reply[]> {
  const pending = await workflow.requests.listPending(200);
  const me = actor.id.toLowerCase();
  const admin =
    pending.some((r) => r.requesterId !== me) && (await actor.directory.holdsDecidingRole().catch(() => false));
  const mayByGroup = new Map<string, boolean>();
  const mine: AccessRequest[] = [];
  for (const r of pending) {
    if (r.requesterId === me) continue;
    let may = admin || mayByGroup.get(r.groupId);
    if (may === undefined) {
      may = (await actor.directory.owners(r.groupId)).some((o) => o.id === me);
      mayByGroup.set(r.groupId, may);
    }
    if (may) mine.push(r);
    if (mine.length >= LIMIT) break;
  }
  if (mine.length === 0 && opts.omitWhenEmpty) return [];
  const card = buildRequestListCard({ view: 'pending', requests: mine.map(summaryOf) });
  const text = mine.length
    ? `${mine.length} ${plural(mine.length, 'request waits', 'requests wait')} for your approval.`
    : 'Nothing is waiting for your approval.';
  if (mine.length === 0)
    return place.shared
      ? workflow.notices.answer(place, actor.id, text)
      : [{ text, card: card as unknown as Record<string, unknown> }];
  return privately(workflow, place, actor, text, { text, card: card as unknown as Record<string, unknown> });
}
