import type { Intent } from '../language';
import type { CommandContext, Outcome } from './context';
import { selfAddAsRequest } from './access-request';
import { inviteFirst } from './guest-invite';
import { runMembershipChange } from './membership-change';

/**
 * "add ... members", in three steps: "add me" to a group the actor cannot change becomes an access request (asks
 * the owners); an address no one in the directory has is invited as a guest first; anything else is the
 * membership change (resolve, confirm, then write with per-person outcomes). Throws only what the pending store
 * throws (the command runner turns it into a sentence).
 */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const asRequest = await selfAddAsRequest(intent, ctx);
  if (asRequest) return asRequest;
  const invitation = await inviteFirst(intent, ctx, addMembers);
  if (invitation) return invitation;
  return addMembers(intent, ctx);
}

/** The membership change itself, without the two steps before it (what the guest invitation continues with). */
function addMembers(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  return runMembershipChange(intent, ctx, { operation: 'addMembers', relation: 'members', op: 'add' });
}
