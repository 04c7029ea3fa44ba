import type { Intent } from '../language';
import type { CommandContext, Outcome } from './context';
import { outcome, reply, say } from './reply';
import { oneGroup } from './group-target';
import { askOwnersReply } from './ask-owners';
import { groupRef } from './views';

/**
 * "I need access to Finance Readers": placeholder until the requests flow (bot/requests) is wired by the
 * LEAD: names the group and offers "Ask the owners" (requestStart), which that flow handles. Never throws.
 */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const t = await oneGroup(intent, ctx, 'to request access to', 'I need access to Finance Readers');
  if (!t.ok) return t.outcome;
  const g = t.group;
  if (g.groupTypes.includes('DynamicMembership')) return say(`'${g.displayName}' has dynamic membership: its members come from its rule${g.membershipRule ? `: ${g.membershipRule}` : ''}, so access can't be requested. Ask its owners to change the rule.`);
  if (g.mailEnabled && !g.groupTypes.includes('Unified')) return say(`'${g.displayName}' is managed in Exchange; ask its owners or your Exchange administrator to add you.`);
  return outcome(
    askOwnersReply(`Access requests: to join '${g.displayName}', I can ask its owners for you.`, groupRef(g)),
    reply(`Choose "Ask the owners" to send the request; you will hear back here when they decide.`),
  );
}
