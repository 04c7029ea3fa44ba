import type { Intent } from '../language';
import {
  assertWritableMembership,
  FAILED_RESULTS,
  type ChangeOutcome,
  type Principal,
} from '../directory/members-write';
import { writeMembership } from '../directory/members-bulk-write';
import { readChangeFacts, type ChangeFacts } from '../directory/change-lookahead';
import { DomainError } from '../directory/errors';
import { groupKind, type DirectoryGroup } from '../directory/types';
import { buildMemberOutcomeCard, outcomeSentence } from '../../cards/member-outcome-card';
import { buildProgressCard } from '../../cards/progress-card';
import type { MemberOperation, MemberOutcome, OutcomeStatus } from '../../cards/view-models';
import type { CommandContext, Outcome, Reply } from './context';
import { errorText } from './error-text';
import { askOwnersReply } from './ask-owners';
import { askToConfirm, isConfirmed } from './confirm-step';
import { resolved, snapshotOf } from './continuation';
import { previewChange, type ChangePreview } from './change-preview';
import { startPacer } from './progress-pacer';
import { saveConfirm } from './pending-ops';
import { outcome, reply, say } from './reply';
import { resolveIntent } from './resolve-step';
import { groupRef, nameList, toPerson } from './views';
import { startMembershipJournal } from './membership-journal';
import { undoOption } from './undo-reply';
import { logOf } from '../log';
import { recentGroupsFor } from './recent-groups';
import { replicationWaitSentence } from '../directory/replication-retry';

export interface ChangeSpec {
  operation: MemberOperation;
  relation: 'members' | 'owners';
  op: 'add' | 'remove';
}

/** More names than this in one request: a bulk resolution table first. */
export const BULK_THRESHOLD = 5;
/** More people than this: progress updates after each chunk of 20. */
export const PROGRESS_THRESHOLD = 20;

/** How each write outcome shows on an outcome card. */
export const OUTCOME_STATUS: Record<ChangeOutcome['result'], OutcomeStatus> = {
  added: 'added',
  alreadyPresent: 'alreadyMember',
  removed: 'removed',
  notPresent: 'notMember',
  notFound: 'notFound',
  refused: 'refused',
  lastOwner: 'refused',
  failed: 'failed',
};

function words(spec: ChangeSpec): { verb: string; prep: string; role: string; forbidden: string } {
  const role = spec.relation === 'members' ? 'member' : 'owner';
  return spec.op === 'add'
    ? { verb: 'Add', prep: 'to', role, forbidden: `add ${role}s to` }
    : { verb: 'Remove', prep: 'from', role, forbidden: `remove ${role}s from` };
}

/** Why a whole group is refused before any write (read-only kind, dynamic membership), or null. */
function refusalOf(group: DirectoryGroup, spec: ChangeSpec): string | null {
  try {
    assertWritableMembership(group, spec.relation);
    return null;
  } catch (err) {
    const kind = groupKind(group);
    return errorText(err, {
      groupName: group.displayName,
      rule: group.membershipRule ?? null,
      action: words(spec).forbidden,
      ...(kind === 'distribution' || kind === 'mailEnabledSecurity' ? { readOnlyKind: kind } : {}),
    });
  }
}

/**
 * Add or remove members or owners: resolve (one $batch), refuse at once what Graph would refuse for the
 * whole group, confirm with the resolved names, then write in $batch chunks of 20 with per-person outcomes,
 * progress updates for long lists, "retry the failed ones", and "ask the owners" when Graph says 403.
 * Never throws.
 */
export async function runMembershipChange(intent: Intent, ctx: CommandContext, spec: ChangeSpec): Promise<Outcome> {
  const w = words(spec);
  if (!intent.users?.length && !intent.groups?.length) {
    return say(
      `Who should I ${w.verb.toLowerCase()}, and which group? For example: "${w.verb.toLowerCase()} Ana ${w.prep} Marketing".`,
    );
  }
  if (!intent.users?.length)
    return say(
      `Who should I ${w.verb.toLowerCase()} ${w.prep} '${intent.groups?.join("', '")}'? For example: "${w.verb.toLowerCase()} Ana ${w.prep} ${intent.groups?.[0] ?? 'Marketing'}".`,
    );
  if (!intent.groups?.length)
    return say(
      `Which group should I ${w.verb.toLowerCase()} ${nameList(intent.users)} ${w.prep}? For example: "${w.verb.toLowerCase()} ${intent.users[0]} ${w.prep} Marketing".`,
    );

  if (intent.listOnOneLine)
    return say(
      `Your list arrived on one line ("${intent.users[0]}"), so I cannot tell where one name ends and the next ` +
        `begins. Separate them with commas, e.g. "${w.verb.toLowerCase()} these ${w.prep} ${intent.groups[0]}: ` +
        `Ana Silva, Bob Kelly" (the Agents Playground joins pasted lines into one). Nothing has been changed.`,
    );
  const purpose = `to ${w.verb.toLowerCase()} ${w.prep === 'to' ? 'to' : 'from'} a group`;
  const step = await resolveIntent(intent, ctx, {
    people: ['users'],
    purpose,
    ...(spec.op === 'add'
      ? { bulk: { operation: spec.operation === 'addOwners' ? 'addOwners' : 'addMembers', threshold: BULK_THRESHOLD } }
      : {}),
  });
  if (!step.ok) return step.outcome;
  const { groups, snapshot } = step.value;
  const people = dedupe(step.value.people.users);
  if (people.length === 0) return say('None of those names could be resolved, so there is nothing to do.');

  const refusals: Reply[] = [];
  const writable: DirectoryGroup[] = [];
  for (const g of groups) {
    const why = refusalOf(g, spec);
    if (why) refusals.push(reply(why));
    else writable.push(g);
  }
  if (writable.length === 0) return outcome(...refusals);

  const youOnly = people.length === 1 && people[0]?.id === ctx.actor.id;
  if (!isConfirmed(ctx)) {
    const looked = await lookAhead(ctx, writable, people, spec);
    for (const p of looked.values()) if (p.refusal) refusals.push(reply(p.refusal));
    const ready = writable.filter((g) => !looked.get(g.id)?.refusal);
    if (ready.length === 0) return outcome(...refusals);
    const who = youOnly ? 'yourself' : nameList(people.map((p) => p.displayName));
    const where = nameList(ready.map((g) => `'${g.displayName}'`));
    const previews = ready.map((g) => looked.get(g.id)).filter((p): p is ChangePreview => !!p);
    const present: Record<string, string[]> = {};
    for (const g of ready) {
      const ids = looked.get(g.id)?.skipped.flatMap((x) => x.ids) ?? [];
      if (spec.op === 'add' && ids.length) present[g.id] = ids;
    }
    const changing =
      previews.length === ready.length ? previews.reduce((n, p) => n + p.changing, 0) : people.length * ready.length;
    const rewritten: Intent = { ...step.value.intent, groups: ready.map((g) => g.id), users: people.map((p) => p.id) };
    const confirm = await askToConfirm(ctx, rewritten, snapshot, {
      title: titleOf(spec, who, where, people.length > 1),
      facts: [
        {
          title: people.length > 1 ? 'People' : 'Person',
          value: people.length > 10 ? `${people.length} people` : people.map((p) => p.displayName).join(', '),
        },
        { title: ready.length > 1 ? 'Groups' : 'Group', value: ready.map((g) => g.displayName).join(', ') },
      ],
      consequence:
        changing === 0
          ? `Nothing to change: ${nothingToChange(spec.op, people.length, youOnly)}. You can still confirm to check again.`
          : consequenceOf(
              spec,
              changing === people.length
                ? people.length > 1
                  ? 'They'
                  : youOnly
                    ? 'You'
                    : 'This person'
                : changingSubject(people, previews, changing),
              changing > 1,
              where,
            ),
      skipped: mergeSkipped(previews, ready.length > 1 ? ready : []),
      notes: previews.flatMap((p) => p.notes),
      warnings: previews.flatMap((p) => p.warnings),
      confirmLabel: w.verb,
      ...(spec.op === 'remove' ? { destructive: true } : {}),
      ...(Object.keys(present).length ? { continuation: { kind: 'membershipChange', snapshot, present } } : {}),
    });
    return outcome(...refusals, ...confirm.replies);
  }
  const where = nameList(writable.map((g) => `'${g.displayName}'`));
  const presentByGroup = ctx.continuation?.kind === 'membershipChange' ? ctx.continuation.present : {};

  // Confirmed: write, group by group.
  const rows: MemberOutcome[] = [];
  const lines: string[] = [];
  const failedIds = new Set<string>();
  const failedGroups = new Set<string>();
  const extra: Reply[] = [];
  const journal = await startMembershipJournal(ctx, spec.relation, spec.op, writable, people);
  const newIds = new Set((await recentGroupsFor(ctx)).map((g) => g.id.toLowerCase()));
  for (const g of writable) {
    let failedSoFar = 0;
    const pacer =
      people.length > PROGRESS_THRESHOLD && ctx.progress
        ? startPacer(
            async (done: number, total: number): Promise<void> => {
              const failed = failedSoFar;
              await ctx.progress?.(
                reply(
                  `${w.verb === 'Add' ? 'Adding' : 'Removing'}: ${done} of ${total} done${failed ? `, ${failed} failed` : ''} for '${g.displayName}'.`,
                  buildProgressCard({
                    operation: spec.operation,
                    group: groupRef(g),
                    done,
                    total,
                    ...(failed ? { failed } : {}),
                  }),
                ),
              );
            },
            (err) => logOf(ctx).warn('membership.progress.failed', { error: err }),
          )
        : undefined;
    let results: ChangeOutcome[];
    try {
      results = await writeMembership(ctx.graph, g, spec.relation, spec.op, people, {
        present: new Set(presentByGroup[g.id] ?? []),
        onLanded: (landed) => journal.landed(g, landed),
        replication: {
          groupIsNew: newIds.has(g.id.toLowerCase()),
          onWait: (attempt: number, of: number) => replicationProgress(ctx, spec, g, people.length, attempt, of),
        },
        ...(pacer
          ? {
              onProgress: (done: number, total: number, failed: number) => {
                failedSoFar = failed;
                return pacer.report(done, total);
              },
            }
          : {}),
      });
      const failed = results.filter((r) => FAILED_RESULTS.has(r.result)).length;
      failedSoFar = failed;
      await pacer?.finish(people.length - failed, people.length);
    } catch (err) {
      await pacer?.finish(0, people.length);
      const sentence = errorText(err, {
        groupName: g.displayName,
        rule: g.membershipRule ?? null,
        action: w.forbidden,
      });
      const status = err instanceof DomainError ? (err.graph?.status ?? null) : null;
      await journal.failed(g, people, status, sentence);
      extra.push(reply(sentence));
      continue;
    }
    const forbidden = results.length > 0 && results.every((r) => r.result === 'refused' && r.kind === 'forbidden');
    if (forbidden) {
      // "Ask the owners" starts a request for the actor to join, so it only fits "add me".
      extra.push(
        youOnly && spec.op === 'add' && spec.relation === 'members'
          ? askOwnersReply(`You can't add yourself to '${g.displayName}'. Shall I ask its owners?`, groupRef(g))
          : reply(
              `You can't ${w.forbidden} '${g.displayName}': only its owners or an administrator can. Ask one of its owners to do it.`,
            ),
      );
      continue;
    }
    for (const r of results) {
      rows.push({
        input: r.principal.displayName,
        person: toPerson(snapshot.users[r.principal.id] ?? r.principal),
        ...(writable.length > 1 ? { group: groupRef(g) } : {}),
        status: OUTCOME_STATUS[r.result],
        ...(r.reason
          ? { reason: r.reason }
          : r.result === 'lastOwner'
            ? { reason: 'A group must keep at least one owner.' }
            : {}),
      });
      lines.push(
        outcomeSentence(r.principal.displayName, OUTCOME_STATUS[r.result], spec.operation, g.displayName, r.reason),
      );
      if (r.result === 'failed') {
        failedIds.add(r.principal.id);
        failedGroups.add(g.id);
      }
    }
  }
  const recorded = await journal.finish();
  const replies: Reply[] = [...refusals];
  if (rows.length) {
    let operationId: string | undefined;
    if (failedIds.size) {
      const retry = await saveConfirm(
        ctx,
        { ...step.value.intent, users: [...failedIds], groups: [...failedGroups] },
        resolved(snapshot),
      );
      operationId = retry.id;
    }
    const card = buildMemberOutcomeCard({
      operation: spec.operation,
      groups: writable.map(groupRef),
      outcomes: rows,
      ...(operationId ? { operationId } : {}),
      ...undoOption(recorded, ctx.now()),
    });
    const shown = lines.length > 50 ? [...lines.slice(0, 50), `…and ${lines.length - 50} more (see the card).`] : lines;
    const summary = `${w.verb === 'Add' ? 'Adding' : 'Removing'} ${spec.relation === 'members' ? 'members' : 'owners'} ${w.prep} ${where}:\n${shown.map((l) => `- ${l}`).join('\n')}${failedIds.size ? `\n${failedIds.size} failed; choose "Retry the failed ones" to try them again.` : ''}${recorded?.undo ? '\nYou can undo this for 24 hours.' : ''}`;
    replies.push(reply(summary, card));
  }
  replies.push(...extra);
  return outcome(...replies);
}

/**
 * Tells the user the write is waiting on replication ("Entra is still setting up Finance Readers; trying again
 * (2 of 6)…") on the progress card. A failed update is warned about. Never throws.
 */
async function replicationProgress(
  ctx: CommandContext,
  spec: ChangeSpec,
  g: DirectoryGroup,
  total: number,
  attempt: number,
  of: number,
): Promise<void> {
  if (!ctx.progress) return;
  const note = replicationWaitSentence(g.displayName, attempt, of);
  try {
    await ctx.progress(
      reply(note, buildProgressCard({ operation: spec.operation, group: groupRef(g), done: 0, total, note })),
    );
  } catch (err) {
    logOf(ctx).warn('membership.progress.failed', { error: err });
  }
}

/** "This person will become a member of 'X'.", "They will no longer be owners of 'X'.". Never throws. */
export function consequenceOf(
  spec: Pick<ChangeSpec, 'relation' | 'op'>,
  subject: string,
  plural: boolean,
  where: string,
): string {
  const role = spec.relation === 'members' ? 'member' : 'owner';
  const noun = plural ? `${role}s` : `${role === 'owner' ? 'an' : 'a'} ${role}`;
  return spec.op === 'add'
    ? `${subject} will become ${noun} of ${where}.`
    : `${subject} will no longer be ${noun} of ${where}.`;
}

function titleOf(spec: ChangeSpec, who: string, where: string, plural: boolean): string {
  const owners = plural ? 'owners' : 'an owner';
  if (spec.relation === 'members') return spec.op === 'add' ? `Add ${who} to ${where}` : `Remove ${who} from ${where}`;
  return spec.op === 'add'
    ? `Make ${who} ${owners} of ${where}`
    : `Remove ${who} as ${plural ? 'owners' : 'owner'} of ${where}`;
}

function dedupe(list: Principal[]): Principal[] {
  const seen = new Set<string>();
  return list.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
}

/**
 * Reads what the change will do, per group (one `$batch` each, run side by side), and works out the preview.
 * A look-ahead that fails leaves that group without a preview (the card then says less). Never throws.
 */
async function lookAhead(
  ctx: CommandContext,
  groups: DirectoryGroup[],
  people: Principal[],
  spec: ChangeSpec,
): Promise<Map<string, ChangePreview>> {
  const out = new Map<string, ChangePreview>();
  const snapshot = readSnapshotGuests(ctx, people);
  await Promise.all(
    groups.map(async (g) => {
      let facts: ChangeFacts;
      try {
        facts = await readChangeFacts(ctx.graph, g.id, spec.relation, people);
      } catch (err) {
        logOf(ctx).warn('membership.lookahead.failed', { error: err });
        return;
      }
      out.set(
        g.id,
        previewChange({ group: g, relation: spec.relation, op: spec.op, people, facts, knownGuests: snapshot }),
      );
    }),
  );
  return out;
}

function readSnapshotGuests(ctx: CommandContext, people: Principal[]): Set<string> {
  const users = snapshotOf(ctx).users;
  return new Set(people.filter((p) => users[p.id]?.userType === 'Guest').map((p) => p.id));
}

function mergeSkipped(previews: ChangePreview[], groups: DirectoryGroup[]): { reason: string; names: string[] }[] {
  return previews.flatMap((p, i) =>
    p.skipped.map((s) => ({
      reason: groups[i] ? `${s.reason} of '${groups[i].displayName}'` : s.reason,
      names: s.names,
    })),
  );
}

/** Who will change when some are skipped: their names when few and one group, else "N of them". Never throws. */
function changingSubject(people: Principal[], previews: ChangePreview[], changing: number): string {
  const only = previews.length === 1 ? previews[0] : undefined;
  if (!only || changing > 5) return `${changing} of them`;
  const skipped = new Set(only.skipped.flatMap((x) => x.ids));
  return nameList(people.filter((p) => !skipped.has(p.id)).map((p) => p.displayName));
}

/** "all of them are already there", "none of them is there", "you are not there", … Pure. */
function nothingToChange(op: 'add' | 'remove', count: number, youOnly: boolean): string {
  if (count > 1) return op === 'add' ? 'all of them are already there' : 'none of them is there';
  const who = youOnly ? 'you are' : 'this person is';
  return op === 'add' ? `${who} already there` : `${who} not there`;
}
