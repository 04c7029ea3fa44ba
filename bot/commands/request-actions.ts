/**
 * The card verbs of access requests (requestSubmit, approvalApprove, approvalDeny, requestCancel, approvalOpen,
 * requestRefresh), routed like every other card verb (bot/commands/card-action-run.ts) to the requests port of
 * the turn (bot/commands/access-request.ts RequestsPort), which the one request workflow of the instance serves.
 */
import type { CardAction } from '../../cards/actions';
import type { CommandContext, Outcome } from './context';
import { requestBlocker, requestsOf } from './access-request';
import { cardOwnerRefusal } from './card-owner';
import { errorText } from './error-text';
import { outcome, say } from './reply';
import { getGroup } from '../directory/groups-read';
import { RequestInputError } from '../requests/access-request-service';
import { REFUSALS } from '../requests/request-refusals';
import { logOf } from '../log';

/** The verbs this module routes. */
export const REQUEST_VERBS = [
  'requestSubmit',
  'approvalApprove',
  'approvalDeny',
  'requestCancel',
  'approvalOpen',
  'requestRefresh',
] as const;

/** A card action of the requests layer. */
export type RequestCardAction = Extract<CardAction, { verb: (typeof REQUEST_VERBS)[number] }>;

/** True for the card verbs of access requests. */
export function isRequestAction(action: CardAction): action is RequestCardAction {
  return (REQUEST_VERBS as readonly string[]).includes(action.verb);
}

/**
 * Runs a request card verb as the context's actor. Without a requests port (a setup without a store) the answer
 * is one sentence and nothing is done. A bad input (too long a reason) is answered with its sentence; any other
 * error is logged and answered through error-text. Never throws.
 */
export async function runRequestAction(action: RequestCardAction, ctx: CommandContext): Promise<Outcome> {
  const port = requestsOf(ctx);
  if (!port) return say(REFUSALS.unavailable);
  try {
    switch (action.verb) {
      case 'requestSubmit': {
        // Only the one the card was made for files from it: anyone else is told whose card it is.
        const refused = await cardOwnerRefusal(action.pendingId, ctx);
        if (refused) return refused;
        return outcome(
          ...(await port.submit({
            groupId: action.groupId,
            justification: action.justification,
            blocked: async () => requestBlocker(ctx, await getGroup(ctx.graph, action.groupId)),
            ...(action.durationDays ? { durationDays: action.durationDays } : {}),
          })),
        );
      }
      case 'approvalApprove':
        return outcome(...(await port.decide('approve', action.requestId)));
      case 'approvalDeny':
        return outcome(...(await port.decide('deny', action.requestId, action.reason)));
      case 'requestCancel':
        return outcome(...(await port.cancel(action.requestId)));
      case 'approvalOpen':
        return outcome(...(await port.open(action.requestId)));
      case 'requestRefresh':
        return outcome(...(await port.refresh(action.requestId)));
    }
  } catch (err) {
    if (err instanceof RequestInputError) return say(err.message);
    logOf(ctx).error('requests.action', { verb: action.verb, error: err });
    return say(errorText(err));
  }
}
