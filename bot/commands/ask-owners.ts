import { adaptiveCard, heading, textBlock } from '../../cards/elements';
import { executeButton } from '../../cards/actions';
import { plain } from '../../cards/markdown';
import type { GroupRef } from '../../cards/view-models';
import type { Reply } from './context';
import { reply } from './reply';
import { errorText, isForbidden, type ErrorSubject } from './error-text';

/**
 * The answer to a 403: the sentence, and an "Ask the owners" button (`requestStart` with the group id, which
 * the requests flow turns into an access request after re-checking everything on the server).
 */
export function askOwnersReply(sentence: string, group: GroupRef): Reply {
  const card = adaptiveCard({
    fallbackText: sentence,
    body: [heading(plain("You don't have permission")), textBlock(plain(sentence))],
    actions: [executeButton('Ask the owners', { verb: 'requestStart', groupId: group.id }, { style: 'positive' })],
  });
  return reply(sentence, card);
}

/**
 * A failed operation on a group as one reply: errorText's sentence, with the "Ask the owners" button when
 * Graph said 403. Never throws.
 */
export function failureReply(err: unknown, about: ErrorSubject, group?: GroupRef): Reply {
  const sentence = errorText(err, { ...about, ...(group && !about.groupName ? { groupName: group.displayName } : {}) });
  return isForbidden(err) && group ? askOwnersReply(sentence, group) : reply(sentence);
}
