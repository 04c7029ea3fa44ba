import type { Intent } from '../language';
import { buildWelcomeCard } from '../../cards/welcome-card';
import type { CommandContext, Outcome } from './context';
import { outcome, reply } from './reply';

/** What groupbot can do, in one sentence list (also the text of unknown requests). */
export const CAPABILITIES = [
  'add or remove members and owners ("add Ana and Bob to Marketing")',
  'list members and owners ("who is in Marketing", "who owns SecurityGroup101")',
  'check membership and explain it ("is Ana in SecurityGroup101?")',
  'show someone\'s groups ("which groups is Ana in")',
  'create, rename, change, delete and restore groups ("create a security group called Finance Readers")',
  'list and describe groups ("show all security groups", "tell me about OutlookGroup101")',
  'show, set and preview dynamic membership rules ("who would match user.city -eq \\"Seattle\\"")',
  'assign, remove and list licences ("assign the E5 license to Licensed E5 Users")',
  'ask a group\'s owners for access ("I need access to Finance Readers")',
  'say when a group expires and renew it ("when does Marketing expire", "renew Marketing")',
  'check group hygiene: no owner, expiring, empty, guests, disabled members ("group hygiene"),' +
    ' weekly with "post the digest here" or "send the digest to me"',
  'invite a guest while adding them, where you may invite ("add sam@fabrikam.com to Marketing")',
  'undo your last change ("oops, undo that") and bring back a deleted group ("bring back Old Project Phoenix")',
  'watch a group and answer questions over time ("watch Marketing", "who was in Legal last Monday", "restore Marketing\'s members to 2026-11-02")',
  'do two things in one message ("add Ana to Sales and Bob to Legal")',
];

/** "hi", "help": the welcome card with example buttons. Never throws. */
export async function run(_intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const text = `Hi ${ctx.actor.displayName}! I manage Microsoft Entra and Microsoft 365 groups with your own permissions. I can: ${CAPABILITIES.join('; ')}.`;
  return outcome(reply(text, buildWelcomeCard({ userDisplayName: ctx.actor.displayName, mode: 'help' })));
}
