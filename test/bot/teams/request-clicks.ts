/**
 * Card clicks on request cards as the bot runs them: the action goes through bot/commands/card-action-run.ts (to its
 * verb's one handler) with the turn's requests port from the coordinator, as bot/teams/turn-handlers.ts
 * does for a real click.
 */
import type { TurnContext } from 'botbuilder';
import type { CommandCardAction } from '../../../bot/commands/card-verb-handlers';
import type { CommandContext, Reply } from '../../../bot/commands/context';
import type { RequestCommandContext } from '../../../bot/commands/access-request';
import { runCardAction } from '../../../bot/commands/card-action-run';
import type { RequestCoordinator } from '../../../bot/teams/request-coordinator';

/** Runs `action` as `ctx`'s actor in the turn `here`; resolves to the replies. */
export async function click(
  coordinator: RequestCoordinator,
  ctx: CommandContext,
  here: TurnContext,
  action: CommandCardAction,
): Promise<Reply[]> {
  const withPort: RequestCommandContext = { ...ctx, requests: coordinator.port(ctx, here) };
  return (await runCardAction(action, withPort)).replies;
}

/** Ana's (or anyone's) Submit of the justification card. */
export function submit(
  coordinator: RequestCoordinator,
  ctx: CommandContext,
  here: TurnContext,
  groupId: string,
  justification: string,
  durationDays?: number,
): Promise<Reply[]> {
  return click(coordinator, ctx, here, {
    verb: 'requestSubmit',
    groupId,
    justification,
    ...(durationDays ? { durationDays } : {}),
  });
}

/** Approve or deny. */
export function decide(
  coordinator: RequestCoordinator,
  ctx: CommandContext,
  here: TurnContext,
  action: 'approve' | 'deny',
  requestId: string,
  reason?: string,
): Promise<Reply[]> {
  return click(
    coordinator,
    ctx,
    here,
    action === 'approve'
      ? { verb: 'approvalApprove', requestId }
      : { verb: 'approvalDeny', requestId, ...(reason ? { reason } : {}) },
  );
}
