import { executeButton } from './actions';
import { cardTime } from './card-time';
import type { AdaptiveCard, CardButton } from './card-types';
import { adaptiveCard, subtle, textBlock } from './elements';
import { md, plain } from './markdown';

export interface MembershipProcessingModel {
  /** The sentence the bot said (done, or where processing stands). */
  text: string;
  groupId: string;
  /** Processing finished: offer the member list instead of Check again. */
  done?: boolean;
  /** Undo of the write that started the processing, while its window is open. */
  undo?: { journalId: string; until: string };
}

/**
 * A dynamic group whose membership Entra is processing in the background: the sentence, a note that the member
 * list is not final yet, and Check again (shows the rule with the processing status) — or, once processing is
 * done, Show members. Never throws.
 */
export function buildMembershipProcessingCard(model: MembershipProcessingModel): AdaptiveCard {
  const actions: CardButton[] = model.done
    ? [executeButton('Show members', { verb: 'listShow', list: 'members', subjectId: model.groupId })]
    : [executeButton('Check again', { verb: 'ruleShow', groupId: model.groupId })];
  if (model.undo) actions.push(executeButton('Undo', { verb: 'undo', journalId: model.undo.journalId }));
  const body = [textBlock(plain(model.text))];
  if (!model.done)
    body.push(
      subtle(
        md`Entra adds and removes members in the background (minutes in large directories); until then the member list is not final.`,
      ),
    );
  if (model.undo) body.push(subtle(md`Undo is available until ${cardTime(model.undo.until)}.`));
  return adaptiveCard({ fallbackText: model.text, body, actions });
}
