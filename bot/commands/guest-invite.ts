/**
 * "add sam@fabrikam.com to Marketing" when no one in the directory has that address: offer to invite it as a
 * guest and add the guest (only to someone who may invite guests; others are told who can), then invite on
 * Confirm and continue with the ordinary add. Addresses already in the directory take the ordinary path.
 */
import type { Intent } from '../language';
import { inviteGuest, mayInviteGuests, unknownAddresses } from '../directory/guest-invite';
import { isGuid } from '../directory/odata';
import type { CommandContext, Outcome } from './context';
import { askToConfirm, isConfirmed } from './confirm-step';
import { errorText } from './error-text';
import { say } from './reply';
import { resolveIntent } from './resolve-step';
import { nameList } from './views';

const ADDRESS = /^[^\s@()<>,;:\\"[\]]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** True for text that is an email address (and not an id). Never throws. */
export function isEmailAddress(text: string): boolean {
  return !isGuid(text) && text.length <= 256 && ADDRESS.test(text.trim());
}

async function unknownAddressesOf(intent: Intent, ctx: CommandContext): Promise<string[]> {
  const addresses = [...new Set((intent.users ?? []).filter(isEmailAddress).map((a) => a.trim()))];
  return unknownAddresses(ctx.graph, addresses);
}

/** The add an invitation continues with once the guests exist (member-add.ts passes it). */
type AddMembers = (intent: Intent, ctx: CommandContext) => Promise<Outcome>;

/**
 * The invitation step of an add, or undefined when the add needs none (no unknown email address in it). On the
 * confirmed re-run it invites, then runs `addMembers` with the new guests' ids. Never throws: Graph failures become
 * errorText's sentence.
 */
export async function inviteFirst(
  intent: Intent,
  ctx: CommandContext,
  addMembers: AddMembers,
): Promise<Outcome | undefined> {
  if (intent.intent !== 'addMembers' || !intent.users?.some(isEmailAddress)) return undefined;
  try {
    const unknown = await unknownAddressesOf(intent, ctx);
    if (!unknown.length) return undefined;
    if (isConfirmed(ctx) && ctx.continuation?.kind === 'inviteGuests')
      return await inviteThenAdd(intent, ctx, unknown, addMembers);
    return await offerInvitation(intent, ctx, unknown);
  } catch (err) {
    return say(errorText(err, { action: 'invite guests to' }));
  }
}

async function offerInvitation(intent: Intent, ctx: CommandContext, unknown: string[]): Promise<Outcome> {
  const who = nameList(unknown);
  const isAre = unknown.length === 1 ? 'is' : 'are';
  if (!(await mayInviteGuests(ctx.graph))) {
    return say(
      `${who} ${isAre} not in this directory, and your account can't invite guests here (that needs the Guest Inviter role or an administrator, unless the organisation lets every member invite). Ask an administrator to invite ${who} first, then ask me again.`,
    );
  }
  const step = await resolveIntent({ ...intent, groups: intent.groups?.slice(0, 1) ?? [] }, ctx, {
    purpose: 'to add the guests to',
  });
  if (!step.ok) return step.outcome;
  const g = step.value.groups[0];
  if (!g) return say('Which group? For example: "add sam@fabrikam.com to Marketing".');
  const them = unknown.length === 1 ? 'them' : 'each of them';
  return askToConfirm(ctx, { ...step.value.intent, groups: [g.id] }, step.value.snapshot, {
    title: `Invite ${who} as ${unknown.length === 1 ? 'a guest' : 'guests'} and add them to '${g.displayName}'`,
    facts: [
      { title: 'Not in the directory', value: unknown.join(', ') },
      { title: 'Group', value: g.displayName },
    ],
    consequence: `${who} ${isAre} not in this directory yet. Microsoft sends ${them} an invitation email; ${unknown.length === 1 ? 'the guest joins' : 'the guests join'} '${g.displayName}' at once and can use it after accepting.`,
    confirmLabel: 'Invite and add',
    continuation: { kind: 'inviteGuests', snapshot: step.value.snapshot },
  });
}

async function inviteThenAdd(
  intent: Intent,
  ctx: CommandContext,
  unknown: string[],
  addMembers: AddMembers,
): Promise<Outcome> {
  const ids = new Map<string, string>();
  for (const address of unknown) ids.set(address.toLowerCase(), await inviteGuest(ctx.graph, address));
  const users = (intent.users ?? []).map((u) => ids.get(u.trim().toLowerCase()) ?? u);
  const added = await addMembers({ ...intent, users }, ctx);
  const invited = `Invited ${nameList(unknown)} as ${unknown.length === 1 ? 'a guest' : 'guests'}: Microsoft sent the invitation (pending acceptance).`;
  // Its own reply first: the add's outcome card follows, so neither hides the other.
  return { replies: [{ text: invited }, ...added.replies] };
}
