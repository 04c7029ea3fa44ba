import type { CardAction } from '../../cards/actions';
import type { Intent } from '../language';
import type { CommandContext, Outcome } from './context';
import { freshRun } from './continuation';
import { continuePending, runIntent } from './dispatch';
import { startUndo } from './undo';
import * as hygieneFix from './hygiene-fix';
import { runRequestAction } from './request-actions';

/**
 * Routes a card action that parseCardAction (cards/actions.ts) has already validated to the command layer:
 * choose / chooseNone / confirm / cancel / listMore / retryFailed / bulkAdd / groupCreate(Preview) continue a
 * pending operation (the ids are keys to server-side state); listShow, groupShow, groupDelete, groupRestore, ruleShow,
 * rulePreview and requestStart start an intent from the object id (each write still asks for confirmation);
 * undo loads the journal entry on the server and asks for confirmation; the access-request verbs (requestSubmit,
 * approvalApprove, approvalDeny, requestCancel, approvalOpen, requestRefresh) go to the request workflow through
 * the turn's requests port (request-actions.ts). Returns undefined only for sendText, which the shell answers as
 * typed text. Never throws.
 */
export function runCardAction(action: CardAction, ctx: CommandContext): Promise<Outcome> | undefined {
  const intent = (i: Intent): Promise<Outcome> => runIntent(i, freshRun(ctx));
  switch (action.verb) {
    case 'choose':
      return continuePending(action.pendingId, { candidateId: action.objectId }, ctx);
    case 'chooseNone':
      return continuePending(action.pendingId, { confirmed: false }, ctx);
    case 'confirm':
      return continuePending(action.pendingId, { confirmed: true }, ctx);
    case 'cancel':
      return action.pendingId
        ? continuePending(action.pendingId, { confirmed: false }, ctx)
        : intent({ intent: 'cancel' });
    case 'listMore':
      return continuePending(action.cursor, { confirmed: true }, ctx);
    case 'retryFailed':
      return continuePending(action.operationId, { confirmed: true }, ctx);
    case 'bulkAdd':
      return continuePending(
        action.batchId,
        { values: Object.fromEntries(action.picks.map((p) => [`pick_${p.index}`, p.objectId])) },
        ctx,
      );
    case 'groupCreate':
    case 'groupCreatePreview': {
      const f = action.form;
      const values: Record<string, string> = {
        groupType: f.groupType,
        owners: f.owners.join(', '),
        members: f.members.join(', '),
        ...(f.displayName ? { displayName: f.displayName } : {}),
        ...(f.mailNickname ? { mailNickname: f.mailNickname } : {}),
        ...(f.description ? { description: f.description } : {}),
        ...(f.visibility ? { visibility: f.visibility } : {}),
        ...(f.rule ? { rule: f.rule } : {}),
        ...(action.verb === 'groupCreatePreview' ? { action: 'preview' } : {}),
      };
      if (!action.pendingId) {
        return intent({
          intent: 'createGroup',
          ...(f.displayName ? { name: f.displayName } : {}),
          groupType: f.groupType,
          ...(f.rule ? { rule: f.rule } : {}),
        });
      }
      return continuePending(action.pendingId, { values }, ctx);
    }
    case 'listShow':
      if (action.list === 'members')
        return intent({
          intent: 'listMembers',
          groups: [action.subjectId],
          ...(action.transitive ? { transitive: true } : {}),
        });
      if (action.list === 'owners') return intent({ intent: 'listOwners', groups: [action.subjectId] });
      if (action.list === 'userGroups') return intent({ intent: 'listUserGroups', users: [action.subjectId] });
      return intent({
        intent: 'listGroups',
        ...(action.list === 'deletedGroups' ? { groupType: 'deleted' as const } : {}),
      });
    case 'groupDelete':
      return intent({ intent: 'deleteGroup', groups: [action.groupId] });
    case 'groupRestore':
      return intent({ intent: 'restoreGroup', groups: [action.groupId] });
    case 'ruleShow':
      return intent({ intent: 'showRule', groups: [action.groupId] });
    case 'groupShow':
      return intent({ intent: 'showGroup', groups: [action.groupId] });
    case 'rulePreview':
      return intent({ intent: 'previewRule', groups: [action.groupId] });
    case 'requestStart':
      return intent({ intent: 'requestAccess', groups: [action.groupId] });
    case 'undo':
      return startUndo(action.journalId, freshRun(ctx), { clicked: true });
    case 'hygieneFix':
      return hygieneFix.run(action, freshRun(ctx));
    case 'requestSubmit':
    case 'approvalApprove':
    case 'approvalDeny':
    case 'requestCancel':
    case 'approvalOpen':
    case 'requestRefresh':
      return runRequestAction(action, ctx);
    default:
      return undefined;
  }
}
