/**
 * Runs a card action that parseCardAction (cards/card-action-parse.ts) has accepted, through its verb's one handler
 * (card-verb-handlers.ts). The Teams shell hands every card action here but sendText, which it answers as typed text.
 */
import type { CardAction } from '../../cards/card-verbs';
import type { CommandContext, Outcome } from './context';
import {
  CARD_VERB_HANDLERS,
  type CardVerbHandler,
  type CommandCardAction,
  type CommandCardVerb,
} from './card-verb-handlers';

/** True for the verbs of the command layer (every verb but the typed text). */
export function isCommandAction(action: CardAction): action is CommandCardAction {
  return action.verb !== 'sendText';
}

function handlerOf<V extends CommandCardVerb>(verb: V): CardVerbHandler<V> {
  return CARD_VERB_HANDLERS[verb];
}

/** Runs a parsed card action as the context's actor, through its verb's handler. Never throws. */
export function runCardAction(action: CommandCardAction, ctx: CommandContext): Promise<Outcome> {
  return handlerOf(action.verb)(action, ctx);
}
