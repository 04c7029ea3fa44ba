/**
 * The handlers of the access-request card verbs (requestSubmit, approvalApprove, approvalDeny, requestCancel,
 * approvalOpen, requestRefresh), entries of the one card-verb map (card-verb-handlers.ts). Each runs on the requests
 * port of the turn (bot/commands/access-request.ts RequestsPort), which the one request workflow of the instance
 * serves; the workflow checks again who clicked and what they may decide.
 */
import type { CardActionOf } from '../../cards/card-verbs';
import type { CommandContext, Outcome, Reply } from './context';
import { requestBlocker, type RequestsPort } from './access-request';
import { cardOwnerRefusal } from './card-owner';
import { errorText } from './error-text';
import { outcome, say } from './reply';
import { getGroup } from '../directory/groups-read';
import { RequestInputError } from '../requests/access-request-service';
import { logOf } from '../log';

/**
 * Runs `step` on the turn's requests port. A bad input (too long a reason) is answered with its sentence; any other error is logged and
 * answered through error-text. Never throws.
 */
async function onPort(
  verb: string,
  ctx: CommandContext,
  step: (port: RequestsPort) => Promise<Reply[] | Outcome>,
): Promise<Outcome> {
  try {
    const done = await step(ctx.requests);
    return Array.isArray(done) ? outcome(...done) : done;
  } catch (err) {
    if (err instanceof RequestInputError) return say(err.message);
    logOf(ctx).error('requests.action', { verb, error: err });
    return say(errorText(err));
  }
}

/** Files the request from the justification card; only the one the card was made for may (cardOwnerRefusal). */
function submit(action: CardActionOf<'requestSubmit'>, ctx: CommandContext): Promise<Outcome> {
  return onPort(action.verb, ctx, async (port) => {
    const refused = await cardOwnerRefusal(action.pendingId, ctx);
    if (refused) return refused;
    return port.submit({
      groupId: action.groupId,
      justification: action.justification,
      blocked: async () => requestBlocker(ctx, await getGroup(ctx.graph, action.groupId)),
      ...(action.durationDays ? { durationDays: action.durationDays } : {}),
    });
  });
}

/** The request verbs' handlers, run as the context's actor. Never throw. */
export const REQUEST_VERB_HANDLERS = {
  requestSubmit: submit,
  approvalApprove: (a: CardActionOf<'approvalApprove'>, ctx: CommandContext) =>
    onPort(a.verb, ctx, (port) => port.decide('approve', a.requestId)),
  approvalDeny: (a: CardActionOf<'approvalDeny'>, ctx: CommandContext) =>
    onPort(a.verb, ctx, (port) => port.decide('deny', a.requestId, a.reason)),
  requestCancel: (a: CardActionOf<'requestCancel'>, ctx: CommandContext) =>
    onPort(a.verb, ctx, (port) => port.cancel(a.requestId)),
  approvalOpen: (a: CardActionOf<'approvalOpen'>, ctx: CommandContext) =>
    onPort(a.verb, ctx, (port) => port.open(a.requestId)),
  requestRefresh: (a: CardActionOf<'requestRefresh'>, ctx: CommandContext) =>
    onPort(a.verb, ctx, (port) => port.refresh(a.requestId)),
};
