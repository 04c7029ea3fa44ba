/**
 * The message for a bulk change that was interrupted (the bot stopped mid-way): what was asked, that history shows
 * what was done, and a "Retry the rest" button that re-runs the change for the pairs whose outcome was never
 * recorded (people already done are reported as such, nothing is changed twice).
 */
import { executeButton } from '../../cards/actions';
import { adaptiveCard, textBlock } from '../../cards/elements';
import { plain } from '../../cards/markdown';
import type { IntentName } from '../language';
import { remainingPairs, type RunRecord } from '../journal/journal-run';
import type { PendingStore, Reply } from './context';
import { resolved } from './continuation';
import { PENDING_TTL_MS } from './pending-ops';
import { reply } from './reply';
import { whenText } from './undo-plan';

const INTENTS: Record<RunRecord['action'], IntentName> = {
  'member.add': 'addMembers',
  'member.remove': 'removeMembers',
  'owner.add': 'addOwners',
  'owner.remove': 'removeOwners',
};

function what(run: RunRecord): string {
  const n = `${run.people.length} ${run.people.length === 1 ? 'person' : 'people'}`;
  const where = run.groups.map((g) => `'${g.name}'`).join(', ');
  switch (run.action) {
    case 'member.add':
      return `adding ${n} to ${where}`;
    case 'member.remove':
      return `removing ${n} from ${where}`;
    case 'owner.add':
      return `making ${n} owners of ${where}`;
    case 'owner.remove':
      return `removing ${n} as owners of ${where}`;
  }
}

/**
 * The report for an interrupted run, to its requester, with the retry stored as a pending confirmation only they
 * can continue. Throws what the pending store throws.
 */
export async function interruptedRunReply(run: RunRecord, pending: PendingStore, now: Date): Promise<Reply> {
  const rest = remainingPairs(run);
  const history = run.groups.map((g) => `"history of ${g.name}"`).join(' or ');
  const head = `I was interrupted while ${what(run)} (asked at ${whenText(new Date(run.startedAt))}): I stopped before finishing. ${run.done.length} of ${run.groups.length * run.people.length} changes were done or answered before that; ${history} shows them.`;
  if (rest.length === 0) return reply(`${head} Nothing is left to do.`);
  const people = [...new Map(rest.map((r) => [r.person.id, r.person])).values()];
  const groups = [...new Map(rest.map((r) => [r.group.id, r.group])).values()];
  const op = await pending.put({
    actorId: run.actor.id,
    actorName: run.actor.name,
    kind: 'confirm',
    expiresAt: now.getTime() + PENDING_TTL_MS,
    intent: { intent: INTENTS[run.action], users: people.map((p) => p.id), groups: groups.map((g) => g.id) },
    continuation: resolved({
      users: Object.fromEntries(people.map((p) => [p.id, { id: p.id, displayName: p.name }])),
      groups: {},
    }),
  });
  const text = `${head} ${rest.length} may not have been made. Choose "Retry the rest" to finish: anyone already done is left as is.`;
  return reply(
    text,
    adaptiveCard({
      fallbackText: text,
      body: [textBlock(plain(text))],
      actions: [executeButton('Retry the rest', { verb: 'retryFailed', operationId: op.id })],
    }),
  );
}
