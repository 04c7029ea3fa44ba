import type { Intent } from '../language';
import { explainMembership } from '../directory/membership-path';
import { groupKind, isDynamic, isReadOnlyKind, type DirectoryGroup } from '../directory/types';
import { buildAccessRequestCard } from '../../cards/access-request-card';
import type { CommandContext, Outcome } from './context';
import { errorText } from './error-text';
import { outcome, reply, say } from './reply';
import { oneGroup } from './group-target';
import { saveConfirm } from './pending-ops';
import { groupRef, nameList } from './views';
import { justificationPrefill, splitReason } from '../requests/request-reason';

export type { RequestSubmission, RequestsPort } from './requests-port';

/** Every command context carries the requests port now (CommandContext.requests); kept as a name for callers. */
export type RequestCommandContext = CommandContext;

/**
 * Why the actor cannot request the group (dynamic, read-only, already a member), as a sentence naming who to
 * ask; null when a request makes sense. Reads Graph with the actor's token. Throws DomainError.
 */
export async function requestBlocker(ctx: CommandContext, g: DirectoryGroup): Promise<string | null> {
  const ownersText = async (): Promise<string> => {
    const owners = await ctx.requests.owners(g.id);
    return owners.length
      ? `its owners (${nameList(owners.map((o) => o.name))})`
      : 'a Groups administrator (it has no owners)';
  };
  if (isDynamic(g)) {
    return `'${g.displayName}' has dynamic membership: its members come from its rule${g.membershipRule ? ` (${g.membershipRule})` : ''}, so access can't be requested. Ask ${await ownersText()} to change the rule, or your profile details to match it.`;
  }
  const kind = groupKind(g);
  if (isReadOnlyKind(kind)) {
    const what = kind === 'distribution' ? 'a distribution list' : 'a mail-enabled security group';
    return `'${g.displayName}' is ${what}, managed in Exchange, so I can't add anyone to it. Ask ${await ownersText()} or your Exchange administrator.`;
  }
  const answer = await explainMembership(ctx.graph, ctx.actor.id, g);
  if (answer.member) {
    const via = answer.direct
      ? ''
      : ` (through ${nameList(answer.path.slice(0, -1).map((p) => `'${p.displayName}'`))})`;
    return `You're already a member of '${g.displayName}'${via}, so there's nothing to request.`;
  }
  return null;
}

/**
 * "I need access to Finance Readers", "can I join Design", "add me to Marketing" (for someone who can't add
 * themselves), and "Ask the owners" buttons: resolves the group, says at once when the actor is already a member
 * or the group can't be requested (dynamic, read-only: and who to ask), otherwise shows the justification card
 * (requestSubmit), which the requests layer files. Never throws.
 */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const t = await oneGroup(intent, ctx, 'to request access to', 'I need access to Finance Readers');
  if (!t.ok) return t.outcome;
  const g = t.group;
  try {
    const blocked = await requestBlocker(ctx, g);
    if (blocked) return say(blocked);
    const owners = await ctx.requests.owners(g.id);
    const mine = owners.filter((o) => o.id !== ctx.actor.id.toLowerCase());
    if (owners.length > 0 && mine.length === 0)
      return say(`You own '${g.displayName}', so you can add yourself: say "add me to ${g.displayName}".`);
    // The card's owner, on the server: only the one who asked can submit (or cancel) it, even in a shared chat.
    const owner = await saveConfirm(ctx, {
      intent: 'requestAccess',
      groups: [g.id],
      ...(intent.durationDays ? { durationDays: intent.durationDays } : {}),
    });
    const card = buildAccessRequestCard({
      pendingId: owner.id,
      group: { ...groupRef(g), ...(g.description ? { description: g.description } : {}) },
      owners: mine.map((o) => ({ id: o.id, displayName: o.name })),
      ...(intent.durationDays ? { durationDays: intent.durationDays } : {}),
      ...(intent.justification ? { justification: justificationPrefill(intent.justification) } : {}),
    });
    const who = mine.length ? nameList(mine.map((o) => o.name)) : "the group's owners";
    return outcome(
      reply(`To join '${g.displayName}', tell ${who} why you need access, then choose Submit request.`, card),
    );
  } catch (err) {
    return say(errorText(err, { groupName: g.displayName, action: 'request access to' }));
  }
}

/**
 * "add me to G" by someone who cannot add members to G: the request flow instead of a write Graph would refuse.
 * Returns undefined when the actor can manage the group: then the normal add
 * runs. Never throws (a failed check also returns undefined).
 */
export async function selfAddAsRequest(intent: Intent, ctx: CommandContext): Promise<Outcome | undefined> {
  const users = intent.users ?? [];
  if (intent.groups?.length !== 1 || users.length !== 1 || !/^(me|myself)$/i.test(users[0]?.trim() ?? ''))
    return undefined;
  // "add me to Finance Readers because of the audit": the reason is not part of the group's name.
  const split = splitReason(intent.groups[0] ?? '');
  if (split.reason) intent = { ...intent, groups: [split.rest], justification: split.reason };
  const t = await oneGroup(intent, ctx, 'to request access to', 'add me to Marketing');
  if (!t.ok) return t.outcome;
  try {
    if (await ctx.requests.canManage(t.group.id)) return undefined;
  } catch (err) {
    return say(errorText(err, { groupName: t.group.displayName, action: 'add yourself to' }));
  }
  return run({ ...intent, intent: 'requestAccess', groups: [t.group.id] }, ctx);
}
