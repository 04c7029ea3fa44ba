import type { Intent } from '../language';
import type { CommandContext, Outcome } from './context';
import { outcome } from './reply';

const APPROVALS = /\b(approv\w*|pending\s+for\s+me|waiting\s+for\s+(me|my)|to\s+(approve|review)|review)\b/i;

/**
 * "my requests" (the actor's own requests, with Cancel on pending ones) and "pending approvals" (requests the
 * actor may decide, with Approve / Review or deny). `intent.description` is not used; the wording of the text the
 * language layer matched is passed as `ctx.text` when known, otherwise the actor's requests and, when any wait for them, the approvals. Never throws.
 */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const port = ctx.requests;
  const text = ctx.text;
  if (text === undefined)
    return outcome(...(await port.listMine()), ...(await port.listPending({ omitWhenEmpty: true })));
  if (APPROVALS.test(text)) return outcome(...(await port.listPending()));
  return outcome(...(await port.listMine()));
}

/** "pending approvals", "requests waiting for me": the requests the actor may decide. Never throws. */
export async function runApprovals(_intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const port = ctx.requests;
  return outcome(...(await port.listPending()));
}
