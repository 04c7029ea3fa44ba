/**
 * What groupbot does with Teams' install and conversation events: `installationUpdate` (add) and every
 * `conversationUpdate` (the bot or members added) remember the conversation (and, in a 1:1 chat, the user's chat;
 * in a team, its channel by the team's Entra group id); an uninstall (installationUpdate remove, or the bot removed)
 * forgets it; a personal install delivers the approval cards waiting for that user.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from '../log';
import { isPersonal, type RequestMessenger } from './request-messenger';

/** What the event means for the stored conversations. Pure. */
export type ConversationEventKind = 'personal-install' | 'remember' | 'forget' | 'ignore';

/** Classifies an installationUpdate / conversationUpdate activity. Pure. */
export function conversationEventKind(activity: TurnContext['activity']): ConversationEventKind {
  if (activity.type === ActivityTypes.InstallationUpdate) {
    const action = String(activity.action ?? '').toLowerCase();
    if (action === 'remove') return 'forget';
    if (action === 'add') return isPersonal(activity) ? 'personal-install' : 'remember';
    // add-upgrade, remove-upgrade: the app is still there.
    return 'remember';
  }
  if (activity.type === ActivityTypes.ConversationUpdate) {
    const botId = activity.recipient?.id;
    if (botId && (activity.membersRemoved ?? []).some((m) => m.id === botId)) return 'forget';
    return 'remember';
  }
  return 'ignore';
}

/**
 * The BotAppOptions.conversationEvent hook: remembers or forgets as the event says, and after a personal install
 * runs `delivered(userId)` (the pending cards for them). Logs, never throws.
 */
export function conversationEvents(deps: {
  messenger: Pick<RequestMessenger, 'remember' | 'forget'>;
  onPersonalInstall?: (userId: string) => Promise<unknown>;
  log: Logger;
}): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const kind = conversationEventKind(context.activity);
    try {
      if (kind === 'ignore') return;
      if (kind === 'forget') {
        await deps.messenger.forget(context);
        return;
      }
      await deps.messenger.remember(context);
      const userId = context.activity.from?.aadObjectId;
      if (kind === 'personal-install' && userId) await deps.onPersonalInstall?.(userId);
    } catch (err) {
      deps.log.warn('requests.conversationEvent', { kind, error: err });
    }
  };
}
