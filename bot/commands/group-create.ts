import type { Intent } from '../language';
import { createGroup, deriveMailNickname, mailNicknameProblem } from '../directory/groups-write';
import { buildGroupCreateFormCard } from '../../cards/group-create-form-card';
import type { GroupCreateFormModel } from '../../cards/view-models';
import type { CommandContext, Outcome } from './context';
import type { Continuation } from './continuation';
import { actsAsAdministrator, creatorOwnershipSentence } from '../directory/creator-owner';
import { askToConfirm, isConfirmed } from './confirm-step';
import { errorText } from './error-text';
import { saveConfirm } from './pending-ops';
import { outcome, reply, say } from './reply';
import { resolveIntent } from './resolve-step';
import { resolveNames } from '../directory/resolve-names';
import { previewOnGraph, previewSentence, ruleFrom } from './rule-preview-run';
import { nameList } from './views';
import { groupCreated } from '../journal/change-records';
import { journalChange, journalFailure } from './record-step';
import { outcomeReply } from './undo-reply';
import { processingStartedReply } from './membership-processing';
import { logOf } from '../log';
import { groupsNamed, ownerNamesOf } from '../directory/namesakes';
import { toGroupSummary } from './views';
import { kindTitle, ownedBy } from '../../cards/describe';
import type { GroupSummary } from '../../cards/view-models';
import type { DirectoryGroup } from '../directory/types';

const MAX_NAME = 256;
const MAX_DESCRIPTION = 1024;
const VISIBILITIES = ['Public', 'Private', 'HiddenMembership'] as const;

function splitNames(s: string | undefined): string[] {
  return (s ?? '')
    .split(/[,;\n\r]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

type Visibility = (typeof VISIBILITIES)[number];

/**
 * Folds the form's values into the intent (the mail nickname is returned apart). Validates lengths and
 * enumerations; the error is a sentence for the form's top line. Never throws.
 */
export function applyFormValues(
  intent: Intent,
  values: Record<string, string>,
): { ok: true; intent: Intent; mailNickname?: string } | { ok: false; intent: Intent; error: string } {
  const v = (k: string): string | undefined =>
    (typeof values[k] === 'string' ? (values[k] as string).trim() : undefined) || undefined;
  const next: Intent = { intent: 'createGroup' };
  const groupType = v('groupType');
  if (groupType === 'security' || groupType === 'microsoft365') next.groupType = groupType;
  const name = v('displayName');
  if (name) next.name = name;
  const description = v('description');
  if (description) next.description = description;
  const visibility = v('visibility');
  if (visibility && (VISIBILITIES as readonly string[]).includes(visibility))
    next.visibility = visibility as Visibility;
  const owners = splitNames(values['owners']);
  const members = splitNames(values['members']);
  if (owners.length) next.owners = owners;
  if (members.length) next.members = members;
  const rule = v('rule');
  if (rule) next.rule = rule;
  const nick = v('mailNickname');
  if (!name) return { ok: false, intent: next, error: 'The group needs a name.' };
  if (name.length > MAX_NAME)
    return { ok: false, intent: next, error: `The name can have at most ${MAX_NAME} characters.` };
  if (description && description.length > MAX_DESCRIPTION)
    return { ok: false, intent: next, error: `The description can have at most ${MAX_DESCRIPTION} characters.` };
  if (visibility && !next.visibility)
    return { ok: false, intent: next, error: 'Visibility must be Public, Private or Hidden membership.' };
  if (owners.length + members.length > 100)
    return {
      ok: false,
      intent: next,
      error: 'Please list at most 100 owners and members; add more after the group exists.',
    };
  const problem = nick ? mailNicknameProblem(nick) : null;
  if (problem) return { ok: false, intent: next, error: problem };
  return { ok: true, intent: next, ...(nick ? { mailNickname: nick } : {}) };
}

/** The create-group form state this run continues, if any. */
function formOf(ctx: CommandContext): Extract<Continuation, { kind: 'groupForm' }> | undefined {
  return ctx.continuation?.kind === 'groupForm' ? ctx.continuation : undefined;
}

/**
 * Owners and members named in the sentence ("owner grace"), replaced by the sign-in name of the one person each
 * names, so that the form shows who they are; a name that matches nobody or several people stays as typed (the
 * submit step asks). One $batch. A failed look-up leaves every name as typed (warned).
 */
async function resolvedPeople(intent: Intent, ctx: CommandContext): Promise<Intent> {
  const owners = intent.owners ?? [];
  const members = intent.members ?? [];
  if (owners.length + members.length === 0 || owners.length + members.length > 20) return intent;
  try {
    const res = await resolveNames(ctx.graph, { users: [...owners, ...members] });
    const name = (typed: string, i: number): string => {
      const r = res.users[i];
      return r?.status === 'resolved' ? (r.item.userPrincipalName ?? r.item.mail ?? typed) : typed;
    };
    return {
      ...intent,
      ...(owners.length ? { owners: owners.map((o, i) => name(o, i)) } : {}),
      ...(members.length ? { members: members.map((m, i) => name(m, owners.length + i)) } : {}),
    };
  } catch (err) {
    logOf(ctx).warn('group.create.namesNotResolved', { error: err });
    return intent;
  }
}

/** The form, prefilled from the intent, with an optional error line and rule preview. Throws what the store throws. */
export async function showForm(
  given: Intent,
  ctx: CommandContext,
  error?: string,
  withPreview = false,
): Promise<Outcome> {
  const intent = formOf(ctx) ? given : await resolvedPeople(given, ctx);
  const op = await saveConfirm(ctx, intent, { kind: 'groupForm', submitted: false });
  const input = intent.rule || intent.ruleText ? ruleFrom(intent.rule, intent.ruleText) : undefined;
  const model: GroupCreateFormModel = {
    pendingId: op.id,
    groupType: intent.groupType === 'microsoft365' ? 'microsoft365' : 'security',
    ...(intent.name
      ? { displayName: intent.name, mailNickname: formOf(ctx)?.mailNickname ?? deriveMailNickname(intent.name) }
      : {}),
    ...(intent.description ? { description: intent.description } : {}),
    ...(intent.visibility ? { visibility: intent.visibility } : {}),
    ...(intent.owners?.length ? { owners: intent.owners } : {}),
    ...(intent.members?.length ? { members: intent.members } : {}),
    ...(input?.ok ? { rule: input.rule } : intent.rule ? { rule: intent.rule } : {}),
    ...(intent.groupType === 'security' && !intent.visibility ? { visibilityField: false } : {}),
    ...(error ? { error } : input && !input.ok ? { error: input.error } : {}),
  };
  if (withPreview && input?.ok) {
    try {
      const p = await previewOnGraph(ctx, input.rule);
      model.rulePreview = {
        matchCount: p.matchCount,
        sample: p.sample,
        warnings: p.warnings,
        ...(p.notes ? { notes: p.notes } : {}),
        asOf: p.asOf,
      };
    } catch (err) {
      model.rulePreview = {
        matchCount: 0,
        sample: [],
        warnings: [],
        asOf: ctx.now().toISOString(),
        error: errorText(err),
      };
    }
  }
  const text = `${error ? `${error} ` : ''}Here is the new group${intent.name ? ` '${intent.name}'` : ''}: check the details on the card, then choose Create group.`;
  return outcome(reply(text, buildGroupCreateFormCard(model)));
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

/**
 * Remembers the new group for this user (recent-groups.ts), so that the next "add … to <its name>" uses its id
 * rather than a name look-up that replication may not serve yet. A store that fails is warned about: the create
 * itself succeeded. Never throws.
 */
async function rememberCreated(ctx: CommandContext, g: DirectoryGroup): Promise<void> {
  if (!ctx.recentGroups) return;
  try {
    await ctx.recentGroups.remember(ctx.actor.id, g, ctx.now());
  } catch (err) {
    logOf(ctx).warn('group.create.notRemembered', { groupId: g.id, error: err });
  }
}

/** "A group called 'Finance Readers' already exists (Security group, owned by Olga Owner). …" Never throws. */
export function namesakeWarning(name: string, existing: readonly GroupSummary[]): string {
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
 * "create a security group called Finance Readers": the prefilled form first; on submit, validation (name,
 * mail nickname, rule through the rules engine, before any Graph call), owner and member resolution, and a
 * confirmation with the rule preview; then POST /groups. Never throws.
 */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  if (!formOf(ctx)?.submitted && !isConfirmed(ctx)) return showForm(intent, ctx);
  const name = intent.name?.trim();
  if (!name) return showForm(intent, ctx, 'The group needs a name.');
  const nick = formOf(ctx)?.mailNickname ?? deriveMailNickname(name);
  const problem = mailNicknameProblem(nick);
  if (problem) return showForm(intent, ctx, problem);
  const kind = intent.groupType === 'microsoft365' ? 'microsoft365' : 'security';
  if (intent.visibility === 'HiddenMembership' && kind !== 'microsoft365')
    return showForm(intent, ctx, 'Hidden membership is available for Microsoft 365 groups only.');
  let rule: string | undefined;
  if (intent.rule || intent.ruleText) {
    const input = ruleFrom(intent.rule, intent.ruleText);
    if (!input.ok) return showForm(intent, ctx, input.error);
    rule = input.rule;
  }
  if (rule && intent.members?.length)
    return showForm({ ...intent, rule }, ctx, 'A dynamic group gets its members from its rule; leave Members empty.');

  const step = await resolveIntent({ ...intent, ...(rule ? { rule, ruleText: undefined } : {}) }, ctx, {
    people: ['owners', 'members'],
    groups: false,
    purpose: 'for the new group',
  });
  if (!step.ok) return step.outcome;
  const owners = step.value.people.owners;
  const members = step.value.people.members;
  if (!isConfirmed(ctx)) {
    let preview = '';
    if (rule) {
      try {
        preview = ` ${previewSentence(await previewOnGraph(ctx, rule))}`;
      } catch (err) {
        preview = ` (No preview: ${errorText(err)})`;
      }
    }
    let admin: boolean | null = null;
    try {
      admin = await actsAsAdministrator(ctx.graph);
    } catch (err) {
      logOf(ctx).warn('group.create.rolesUnreadable', { error: err });
    }
    const ownership = creatorOwnershipSentence({ admin, kind, othersNamed: owners.some((o) => o.id !== ctx.actor.id) });
    const namesakes = await existingNamesakes(ctx, name);
    return askToConfirm(ctx, step.value.intent, step.value.snapshot, {
      title: `Create the ${kind === 'microsoft365' ? 'Microsoft 365' : 'security'} group '${name}'`,
      facts: [
        { title: 'Name', value: name },
        { title: 'Mail nickname', value: nick },
        ...(intent.description ? [{ title: 'Description', value: intent.description }] : []),
        { title: 'Visibility', value: intent.visibility ?? (kind === 'microsoft365' ? 'Public' : 'Private') },
        {
          title: 'Owners',
          value: owners.length
            ? nameList(
                owners.map((o) => o.displayName),
                10,
              )
            : admin === true && kind === 'security'
              ? 'none'
              : 'you',
        },
        ...(rule
          ? [{ title: 'Rule', value: rule }]
          : [
              {
                title: 'Members',
                value: members.length
                  ? nameList(
                      members.map((m) => m.displayName),
                      10,
                    )
                  : 'none yet',
              },
            ]),
      ],
      consequence: `${rule ? `Its members will come from the rule.${preview}` : 'The group is created with the members listed.'} ${ownership}`,
      confirmLabel: 'Create',
      ...(namesakes.length
        ? {
            warnings: [namesakeWarning(name, namesakes)],
            showGroups: namesakes.map((g) => ({ id: g.id, displayName: g.displayName })),
          }
        : {}),
      continuation: { kind: 'groupForm', snapshot: step.value.snapshot, submitted: true, mailNickname: nick },
    });
  }
  try {
    const g = await createGroup(
      ctx.graph,
      {
        displayName: name,
        mailNickname: nick,
        kind,
        ...(intent.description ? { description: intent.description } : {}),
        ...(intent.visibility ? { visibility: intent.visibility } : {}),
        ownerIds: owners.map((o) => o.id),
        memberIds: members.map((m) => m.id),
        ...(rule ? { membershipRule: rule } : {}),
      },
      ctx.actor.id,
    );
    await rememberCreated(ctx, g);
    const recorded = await journalChange(ctx, groupCreated(g, 201));
    const undoNote = recorded?.undo ? ' Undo (within 24 hours) deletes it again.' : '';
    const created = `Created '${g.displayName}'${g.mail ? ` (${g.mail})` : ''}.`;
    if (rule) {
      // Entra fills a dynamic group asynchronously: say so, and offer Check again rather than a member list.
      return outcome(
        processingStartedReply(
          `${created} Its membership is being processed: Entra adds the people who match the rule in the background, so it has no members yet. Choose Check again to see the progress.${undoNote}`,
          g.id,
          recorded,
        ),
      );
    }
    return outcome(outcomeReply(`${created}${undoNote}`, recorded));
  } catch (err) {
    await journalFailure(ctx, 'group.create', { id: '', name }, err);
    return say(errorText(err, { groupName: name, action: 'create' }));
  }
}
