/**
 * The confirmation of a new group: its details, the rule preview of a dynamic group, who will own it (creator
 * ownership depends on the actor's roles), and a warning when groups with the same name already exist.
 */
import type { Principal } from '../directory/members-write';
import { actsAsAdministrator, creatorOwnershipSentence } from '../directory/creator-owner';
import { groupsNamed, ownerNamesOf } from '../directory/namesakes';
import { logOf } from '../log';
import { kindTitle, ownedBy } from '../../cards/describe';
import type { GroupSummary } from '../../cards/view-models';
import { askToConfirm, type ConfirmSpec } from './confirm-step';
import type { CommandContext, Outcome } from './context';
import { errorText } from './error-text';
import type { Resolved } from './resolve-step';
import { previewOnGraph, previewSentence } from './rule-preview-run';
import { nameList, toGroupSummary } from './views';

/** A submitted create-group form that passed its checks. */
export interface GroupDraft {
  name: string;
  nick: string;
  kind: 'microsoft365' | 'security';
  description?: string | undefined;
  visibility?: 'Public' | 'Private' | 'HiddenMembership' | undefined;
  /** The membership rule of a dynamic group. */
  rule?: string | undefined;
}

/**
 * Asks to confirm the new group (stores the confirmation, continuing the form with its mail nickname). Reads the
 * rule preview, the actor's roles and the namesakes first; each failed read makes the card say less. Throws what the
 * pending store throws.
 */
export async function confirmCreate(ctx: CommandContext, draft: GroupDraft, resolved: Resolved): Promise<Outcome> {
  const { owners, members } = resolved.people;
  const preview = draft.rule ? await previewText(ctx, draft.rule) : '';
  const admin = await isAdministrator(ctx);
  const othersNamed = owners.some((o) => o.id !== ctx.actor.id);
  const ownership = creatorOwnershipSentence({ admin, kind: draft.kind, othersNamed });
  const namesakes = await existingNamesakes(ctx, draft.name);
  const spec: ConfirmSpec = {
    title: `Create the ${draft.kind === 'microsoft365' ? 'Microsoft 365' : 'security'} group '${draft.name}'`,
    facts: factsOf(draft, owners, members, admin),
    consequence: `${draft.rule ? `Its members will come from the rule.${preview}` : 'The group is created with the members listed.'} ${ownership}`,
    confirmLabel: 'Create',
    ...(namesakes.length
      ? {
          warnings: [namesakeWarning(draft.name, namesakes)],
          showGroups: namesakes.map((g) => ({ id: g.id, displayName: g.displayName })),
        }
      : {}),
    continuation: { kind: 'groupForm', snapshot: resolved.snapshot, submitted: true, mailNickname: draft.nick },
  };
  return askToConfirm(ctx, resolved.intent, resolved.snapshot, spec);
}

function factsOf(
  draft: GroupDraft,
  owners: Principal[],
  members: Principal[],
  admin: boolean | null,
): ConfirmSpec['facts'] {
  const names = (list: Principal[]): string =>
    nameList(
      list.map((p) => p.displayName),
      10,
    );
  const ownersValue = owners.length ? names(owners) : admin === true && draft.kind === 'security' ? 'none' : 'you';
  const visibility = draft.visibility ?? (draft.kind === 'microsoft365' ? 'Public' : 'Private');
  return [
    { title: 'Name', value: draft.name },
    { title: 'Mail nickname', value: draft.nick },
    ...(draft.description ? [{ title: 'Description', value: draft.description }] : []),
    { title: 'Visibility', value: visibility },
    { title: 'Owners', value: ownersValue },
    draft.rule
      ? { title: 'Rule', value: draft.rule }
      : { title: 'Members', value: members.length ? names(members) : 'none yet' },
  ];
}

/** " 12 people match …" or " (No preview: …)". Never throws. */
async function previewText(ctx: CommandContext, rule: string): Promise<string> {
  try {
    return ` ${previewSentence(await previewOnGraph(ctx, rule))}`;
  } catch (err) {
    return ` (No preview: ${errorText(err)})`;
  }
}

/** Whether the actor acts as an administrator, or null when the roles could not be read (warned). Never throws. */
async function isAdministrator(ctx: CommandContext): Promise<boolean | null> {
  try {
    return await actsAsAdministrator(ctx.graph);
  } catch (err) {
    logOf(ctx).warn('group.create.rolesUnreadable', { error: err });
    return null;
  }
}

/** "A group called 'Finance Readers' already exists (Security group, owned by Olga Owner). …" Never throws. */
function namesakeWarning(name: string, existing: readonly GroupSummary[]): string {
  const which = existing
    .map((g) => [kindTitle(g.kind, g.dynamic), g.mail, ownedBy(g)].filter(Boolean).join(', '))
    .join('; ');
  const head =
    existing.length === 1
      ? `A group called '${name}' already exists (${which}).`
      : `${existing.length} groups called '${name}' already exist (${which}).`;
  return `${head} Another one with the same name is easy to confuse with it; choose a different name unless you mean to have both.`;
}

/**
 * The groups already called `name`, with their owners, for the warning on the confirmation. A failed look-up is
 * warned about and gives none (the create goes on; Graph does not refuse a repeated display name). Never throws.
 */
async function existingNamesakes(ctx: CommandContext, name: string): Promise<GroupSummary[]> {
  try {
    const found = await groupsNamed(ctx.graph, name);
    if (found.length === 0) return [];
    const owners = await ownerNamesOf(
      ctx.graph,
      found.map((g) => g.id),
    );
    return found.map((g) => {
      const names = owners.get(g.id);
      return toGroupSummary(
        g,
        names ? { owners: names.map((displayName, i) => ({ id: `${g.id}#${i}`, displayName })) } : {},
      );
    });
  } catch (err) {
    logOf(ctx).warn('group.create.namesakesUnreadable', { error: err });
    return [];
  }
}
