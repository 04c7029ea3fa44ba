/**
 * The one map from card verb to handler. Every verb of the registry (cards/card-verbs.ts) but sendText, which the
 * shell answers as typed text (as Teams does with msteams imBack), has exactly one entry here; a verb without one
 * does not compile. The actions come from parseCardAction, so their shape is checked; their ids are only keys to
 * server-side state, which each handler reads again, with the clicker (never a field of the payload) as actor.
 */
import type { CardActionOf, CardVerb } from '../../cards/card-verbs';
import type { Intent } from '../language';
import type { CommandContext, Outcome } from './context';
import { freshRun } from './continuation';
import { continuePending, runIntent } from './dispatch';
import { startUndo } from './undo';
import * as hygieneFix from './hygiene-fix';
import { REQUEST_VERB_HANDLERS } from './request-actions';

/** The verb the shell answers itself: its text, as if typed. */
export type TypedTextVerb = 'sendText';
/** The verbs the command layer handles. */
export type CommandCardVerb = Exclude<CardVerb, TypedTextVerb>;
export type CommandCardAction = CardActionOf<CommandCardVerb>;

/** The handler of one verb: it gets that verb's action only. Never throws. */
export type CardVerbHandler<V extends CommandCardVerb> = (
  action: CardActionOf<V>,
  ctx: CommandContext,
) => Promise<Outcome>;

export type CardVerbHandlers = { readonly [V in CommandCardVerb]: CardVerbHandler<V> };

/** Starts a new intent from a button (each write still asks for confirmation). */
function start(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  return runIntent(intent, freshRun(ctx));
}

/** The list a listShow button opens: members/owners of a group, groups of a user, or the groups. */
function listIntent(action: CardActionOf<'listShow'>): Intent {
  const subject = action.subjectId;
  if (action.list === 'members')
    return { intent: 'listMembers', groups: [subject], ...(action.transitive ? { transitive: true } : {}) };
  if (action.list === 'owners') return { intent: 'listOwners', groups: [subject] };
  if (action.list === 'userGroups') return { intent: 'listUserGroups', users: [subject] };
  return { intent: 'listGroups', ...(action.list === 'deletedGroups' ? { groupType: 'deleted' as const } : {}) };
}

/** The create-group form's inputs as the pending operation reads them (name lists joined again). */
function formValues(action: CardActionOf<'groupCreate' | 'groupCreatePreview'>): Record<string, string> {
  const { verb, pendingId: _pendingId, owners, members, ...fields } = action;
  const values: Record<string, string> = { owners: owners.join(', '), members: members.join(', ') };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) values[key] = value;
  if (verb === 'groupCreatePreview') values['action'] = 'preview';
  return values;
}

/** A create form: continues its pending operation, or (a form without one) starts createGroup from its fields. */
function createForm(action: CardActionOf<'groupCreate' | 'groupCreatePreview'>, ctx: CommandContext): Promise<Outcome> {
  if (action.pendingId) return continuePending(action.pendingId, { values: formValues(action) }, ctx);
  return start(
    {
      intent: 'createGroup',
      ...(action.displayName ? { name: action.displayName } : {}),
      groupType: action.groupType,
      ...(action.rule ? { rule: action.rule } : {}),
    },
    ctx,
  );
}

/** Every command card verb's handler. */
export const CARD_VERB_HANDLERS: CardVerbHandlers = {
  choose: (a, ctx) => continuePending(a.pendingId, { candidateId: a.objectId }, ctx),
  chooseNone: (a, ctx) => continuePending(a.pendingId, { confirmed: false }, ctx),
  confirm: (a, ctx) => continuePending(a.pendingId, { confirmed: true }, ctx),
  cancel: (a, ctx) =>
    a.pendingId ? continuePending(a.pendingId, { confirmed: false }, ctx) : start({ intent: 'cancel' }, ctx),
  listShow: (a, ctx) => start(listIntent(a), ctx),
  listMore: (a, ctx) => continuePending(a.cursor, { confirmed: true }, ctx),
  retryFailed: (a, ctx) => continuePending(a.operationId, { confirmed: true }, ctx),
  bulkAdd: (a, ctx) =>
    continuePending(
      a.batchId,
      { values: Object.fromEntries(a.picks.map((p) => [`pick_${p.index}`, p.objectId])) },
      ctx,
    ),
  groupCreate: createForm,
  groupCreatePreview: createForm,
  groupDelete: (a, ctx) => start({ intent: 'deleteGroup', groups: [a.groupId] }, ctx),
  groupRestore: (a, ctx) => start({ intent: 'restoreGroup', groups: [a.groupId] }, ctx),
  groupShow: (a, ctx) => start({ intent: 'showGroup', groups: [a.groupId] }, ctx),
  ruleShow: (a, ctx) => start({ intent: 'showRule', groups: [a.groupId] }, ctx),
  rulePreview: (a, ctx) => start({ intent: 'previewRule', groups: [a.groupId] }, ctx),
  requestStart: (a, ctx) => start({ intent: 'requestAccess', groups: [a.groupId] }, ctx),
  undo: (a, ctx) => startUndo(a.journalId, freshRun(ctx), { clicked: true }),
  hygieneFix: (a, ctx) => hygieneFix.run(a, freshRun(ctx)),
  ...REQUEST_VERB_HANDLERS,
};

/** The verbs whose handler reads only the store, so they run for a viewer without a Graph token. */
const WITHOUT_TOKEN: ReadonlySet<string> = new Set<CardVerb>(['requestRefresh']);

/** Whether the handler of `verb` needs the clicker's Graph token (a refresh does not). */
export function needsToken(verb: string): boolean {
  return !WITHOUT_TOKEN.has(verb);
}
