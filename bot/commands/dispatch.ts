import type { Intent, IntentName } from '../language';
import { isGuid } from '../directory/odata';
import type { CommandContext, Outcome, PendingDone, PendingOperation } from './context';
import { errorText } from './error-text';
import { clickerOnly, say } from './reply';
import { answers, doneOf } from './pending-answer';
import { PENDING_DONE_TTL_MS } from './pending-ops';
import type { Continuation } from './continuation';
import { confirmUndo } from './undo';
import * as memberAdd from './member-add';
import * as membersExport from './members-export';
import * as memberRemove from './member-remove';
import * as ownerAdd from './owner-add';
import * as ownerRemove from './owner-remove';
import * as memberList from './member-list';
import * as ownerList from './owner-list';
import * as membershipCheck from './membership-check';
import * as userGroups from './user-groups';
import * as ownedGroups from './owned-groups';
import * as groupCreate from './group-create';
import * as groupRename from './group-rename';
import * as groupUpdate from './group-update';
import * as groupDelete from './group-delete';
import * as groupRestore from './group-restore';
import * as groupList from './group-list';
import * as groupShow from './group-show';
import * as ruleShow from './rule-show';
import * as ruleSet from './rule-set';
import * as rulePreview from './rule-preview';
import * as licenseAssign from './license-assign';
import * as licenseRemove from './license-remove';
import * as licenseList from './license-list';
import * as accessRequest from './access-request';
import * as requestList from './request-list';
import * as help from './help';
import * as cancel from './cancel';
import * as unknown from './unknown';
import * as smallTalk from './small-talk';
import * as stepsRun from './steps-run';
import * as undoLast from './undo-last';
import * as history from './history-show';
import * as myChanges from './my-changes';
import * as groupExpiry from './group-expiry';
import * as groupRenew from './group-renew';
import * as hygieneShow from './hygiene-show';
import * as digestSet from './digest-set';
import * as groupWatch from './group-watch';
import * as membersAt from './members-at';
import * as membershipRestore from './membership-restore';
import * as userOffboard from './user-offboard';
import * as membershipCopy from './membership-copy';
import * as membersRemoveByKind from './members-remove-by-kind';
import * as userAccessCheck from './user-access-check';
import * as groupProperty from './group-property';
import * as groupFind from './group-find';
import { clarifySlots } from './slot-clarify';

/** A command: one operation. Never throws (runIntent guards anyway). */
export type Command = (intent: Intent, ctx: CommandContext) => Promise<Outcome>;

/** What a card sent back with a pending operation: a pick, a yes/no, or form values. */
export interface PendingChoice {
  candidateId?: string;
  confirmed?: boolean;
  values?: Record<string, string>;
}

/**
 * Every intent's command, keyed by the names of the intent table (bot/language/intent-table.ts): an intent added
 * there fails to compile here until it has its command.
 */
export const COMMANDS = {
  addMembers: memberAdd.run,
  removeMembers: memberRemove.run,
  addOwners: ownerAdd.run,
  removeOwners: ownerRemove.run,
  listMembers: memberList.run,
  listOwners: ownerList.run,
  checkMembership: membershipCheck.run,
  listUserGroups: userGroups.run,
  listOwnedGroups: ownedGroups.run,
  createGroup: groupCreate.run,
  renameGroup: groupRename.run,
  updateGroup: groupUpdate.run,
  deleteGroup: groupDelete.run,
  restoreGroup: groupRestore.run,
  listGroups: groupList.run,
  showGroup: groupShow.run,
  showRule: ruleShow.run,
  setRule: ruleSet.run,
  previewRule: rulePreview.run,
  assignLicense: licenseAssign.run,
  removeLicense: licenseRemove.run,
  listLicenses: licenseList.run,
  requestAccess: accessRequest.run,
  listRequests: requestList.run,
  listApprovals: requestList.runApprovals,
  showHistory: history.run,
  showMyChanges: myChanges.run,
  undo: undoLast.run,
  smallTalk: smallTalk.run,
  multi: (intent, ctx) => stepsRun.run(intent, ctx, runIntent),
  help: help.run,
  cancel: cancel.run,
  unknown: unknown.run,
  showExpiry: groupExpiry.run,
  renewGroup: groupRenew.run,
  exportMembers: membersExport.run,
  showHygiene: hygieneShow.run,
  setDigest: digestSet.run,
  watchGroup: groupWatch.run,
  unwatchGroup: groupWatch.runUnwatch,
  membersAt: membersAt.run,
  restoreMembers: membershipRestore.run,
  offboardUser: userOffboard.run,
  copyMembership: membershipCopy.run,
  removeMembersByKind: membersRemoveByKind.run,
  userAccessCheck: userAccessCheck.run,
  groupPropertyQuestion: groupProperty.run,
  findGroup: groupFind.run,
} satisfies Record<IntentName, Command>;

/**
 * Runs the command for an intent as the context's actor. Never throws: anything unexpected becomes
 * errorText's sentence (no stack traces reach the user).
 */
export async function runIntent(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const command: Command = Object.prototype.hasOwnProperty.call(COMMANDS, intent.intent)
    ? COMMANDS[intent.intent]
    : unknown.run;
  try {
    // A fresh reading whose slots do not fit the intent's schema is asked about, not run.
    const unclear = ctx.continuation === undefined && !ctx.confirmed ? clarifySlots(intent) : undefined;
    if (unclear) return unclear;
    return await command(intent, ctx);
  } catch (err) {
    return say(errorText(err));
  }
}

/**
 * Continues a pending operation from a card: checks it exists and belongs to the actor (anyone else is told whose
 * card it is), applies the choice (a candidate that must be one of those offered, a confirmation, or form values),
 * marks it used (so a double click runs it once, and the second click is told what the first did) and re-runs its
 * intent. Never throws.
 */
export async function continuePending(pendingId: string, choice: PendingChoice, ctx: CommandContext): Promise<Outcome> {
  try {
    return await continueInner(pendingId, choice, ctx);
  } catch (err) {
    return say(errorText(err));
  }
}

/** The answer when `take` found the operation used meanwhile (a concurrent click won). */
async function usedMeanwhile(pendingId: string, ctx: CommandContext): Promise<Outcome> {
  const op = await ctx.pending.get(pendingId);
  return op?.usedAt ? answers.used(op) : answers.expired();
}

/** Takes the operation, runs `work` and remembers what it did, for later clicks. */
async function takeAndRun(
  pendingId: string,
  how: PendingDone['how'],
  ctx: CommandContext,
  work: () => Promise<Outcome>,
): Promise<Outcome> {
  if (!(await ctx.pending.take(pendingId))) return usedMeanwhile(pendingId, ctx);
  const out = await work();
  const now = ctx.now();
  try {
    await ctx.pending.finish(pendingId, doneOf(how, out, now), now.getTime() + PENDING_DONE_TTL_MS);
  } catch (err) {
    // The work is done and its answer stands; only a later click's "already done" loses its detail.
    return {
      replies: [
        ...out.replies,
        {
          text: `(I could not keep a note of this answer, so a second click will only say the button was used: ${errorText(err)})`,
        },
      ],
    };
  }
  return out;
}

async function continueInner(pendingId: string, choice: PendingChoice, ctx: CommandContext): Promise<Outcome> {
  if (typeof pendingId !== 'string' || pendingId.length === 0 || pendingId.length > 128) return answers.expired();
  const op = await ctx.pending.get(pendingId);
  if (!op) return answers.expired();
  if (op.actorId !== ctx.actor.id) return answers.notYours(op);
  if (op.usedAt) return answers.used(op);

  if (choice.confirmed === false) {
    return takeAndRun(pendingId, 'cancelled', ctx, async () => say('OK, cancelled. Nothing was changed.'));
  }
  const next = op.continuation;
  const run = (intent: Intent, continuation: Continuation | undefined, confirmed = false): Promise<Outcome> =>
    runIntent(intent, { ...ctx, ...(continuation ? { continuation } : {}), ...(confirmed ? { confirmed } : {}) });

  // A form (create group): values replace the intent's slots; "preview" keeps the form open.
  if (choice.values && op.intent.intent === 'createGroup') {
    const applied = groupCreate.applyFormValues(op.intent, choice.values);
    if (!applied.ok) return groupCreate.showForm(applied.intent, ctx, applied.error);
    if (choice.values['action'] === 'preview') return groupCreate.showForm(applied.intent, ctx, undefined, true);
    const snapshot = next && 'snapshot' in next && next.snapshot ? { snapshot: next.snapshot } : {};
    return takeAndRun(pendingId, 'answered', ctx, () =>
      run(applied.intent, {
        kind: 'groupForm',
        ...snapshot,
        submitted: true,
        ...(applied.mailNickname ? { mailNickname: applied.mailNickname } : {}),
      }),
    );
  }

  if (op.kind === 'confirm') {
    if (choice.confirmed !== true) return clickerOnly('Please use the Confirm or Cancel button.');
    const how = next?.kind === 'page' || next?.kind === 'historyPage' ? 'answered' : 'done';
    // A confirmed Undo is its own command; every other confirmation re-runs its intent.
    return takeAndRun(pendingId, how, ctx, () =>
      next?.kind === 'undo' ? confirmUndo(next.key, { ...ctx, confirmed: true }) : run(op.intent, next, true),
    );
  }

  // A choice.
  if (next?.kind === 'bulkTable') {
    const picked = applyTable(op, next.table, choice.values ?? {});
    if (!picked.ok) return clickerOnly(picked.error);
    return takeAndRun(pendingId, 'answered', ctx, () =>
      run(picked.intent, { kind: 'resolve', snapshot: next.snapshot, bulkDone: true }),
    );
  }
  const id = choice.candidateId?.toLowerCase();
  if (!id) return clickerOnly('Please pick one of the options on the card.');
  if (!op.candidateIds?.includes(id) || !op.slot || op.position === undefined)
    return clickerOnly("That isn't one of the options I offered, so I didn't use it. Please pick one from the card.");
  return takeAndRun(pendingId, 'answered', ctx, () => run(substitute(op, id), next));
}

/** Puts the chosen id into the intent slot position the choice was about. */
export function substitute(op: PendingOperation, id: string): Intent {
  const intent: Intent = { ...op.intent };
  const slot = op.slot;
  const position = op.position ?? 0;
  if (slot === 'license') {
    intent.license = id;
    return intent;
  }
  if (slot === 'users' || slot === 'groups' || slot === 'owners' || slot === 'members') {
    const list = [...(intent[slot] ?? [])];
    if (position >= 0 && position < list.length) list[position] = id;
    else list.push(id);
    intent[slot] = list;
  }
  return intent;
}

/**
 * Applies the picks of a bulk table: each `pick_<n>` must be one of the ids offered for row n; rows not
 * resolved and not picked are dropped (skipped). Returns the intent with ids only.
 */
function applyTable(
  op: PendingOperation,
  table: Record<string, string[]>,
  values: Record<string, string>,
): { ok: true; intent: Intent } | { ok: false; error: string } {
  const users = [...(op.intent.users ?? [])];
  const out: string[] = [];
  for (let i = 0; i < users.length; i++) {
    const current = users[i] as string;
    const row = Object.prototype.hasOwnProperty.call(table, String(i)) ? table[String(i)] : undefined;
    const allowed = Array.isArray(row) ? row : [];
    const pick = values[`pick_${i}`]?.trim().toLowerCase();
    if (pick) {
      if (!allowed.includes(pick))
        return {
          ok: false,
          error: `The pick for row ${i + 1} isn't one of the people I offered, so nothing was done.`,
        };
      out.push(pick);
    } else if (isGuid(current) && allowed.length === 0) {
      out.push(current);
    }
  }
  for (const key of Object.keys(values)) {
    const m = /^pick_(\d+)$/.exec(key);
    if (m && Number(m[1]) >= users.length)
      return { ok: false, error: 'The card sent a pick for a row that does not exist, so nothing was done.' };
  }
  if (out.length === 0) return { ok: false, error: 'No one was selected, so there is nothing to add.' };
  return { ok: true, intent: { ...op.intent, users: [...new Set(out)] } };
}
