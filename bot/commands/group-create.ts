import type { Intent } from '../language';
import { deriveMailNickname, mailNicknameProblem } from '../directory/groups-write';
import { resolveNames } from '../directory/resolve-names';
import { logOf } from '../log';
import { buildGroupCreateFormCard } from '../../cards/group-create-form-card';
import type { GroupCreateFormModel } from '../../cards/view-models';
import type { CommandContext, Outcome } from './context';
import type { Continuation } from './continuation';
import { isConfirmed } from './confirm-step';
import { errorText } from './error-text';
import { confirmCreate, type GroupDraft } from './group-create-confirm';
import { createAndReport } from './group-create-write';
import { saveConfirm } from './pending-ops';
import { outcome, reply } from './reply';
import { resolveIntent } from './resolve-step';
import { previewOnGraph, ruleFrom } from './rule-preview-run';

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

/**
 * "create a security group called Finance Readers": the prefilled form first; on submit, its checks (name, mail
 * nickname, rule through the rules engine, before any Graph call), owner and member resolution, and a confirmation
 * with the rule preview (group-create-confirm.ts); then POST /groups (group-create-write.ts). Throws only what the
 * pending store throws.
 */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  if (!formOf(ctx)?.submitted && !isConfirmed(ctx)) return showForm(intent, ctx);
  const checked = checkSubmitted(intent, ctx);
  if (!checked.ok) return showForm(checked.intent, ctx, checked.error);
  const { draft } = checked;
  const named = { ...intent, ...(draft.rule ? { rule: draft.rule, ruleText: undefined } : {}) };
  const step = await resolveIntent(named, ctx, {
    people: ['owners', 'members'],
    groups: false,
    purpose: 'for the new group',
  });
  if (!step.ok) return step.outcome;
  if (!isConfirmed(ctx)) return confirmCreate(ctx, draft, step.value);
  return createAndReport(ctx, draft, step.value.people.owners, step.value.people.members);
}

type Checked = { ok: true; draft: GroupDraft } | { ok: false; intent: Intent; error: string };

/** The checks of a submitted form, before any Graph call: the draft, or the form again with its error line. */
function checkSubmitted(intent: Intent, ctx: CommandContext): Checked {
  const name = intent.name?.trim();
  if (!name) return { ok: false, intent, error: 'The group needs a name.' };
  const nick = formOf(ctx)?.mailNickname ?? deriveMailNickname(name);
  const problem = mailNicknameProblem(nick);
  if (problem) return { ok: false, intent, error: problem };
  const kind = intent.groupType === 'microsoft365' ? 'microsoft365' : 'security';
  if (intent.visibility === 'HiddenMembership' && kind !== 'microsoft365')
    return { ok: false, intent, error: 'Hidden membership is available for Microsoft 365 groups only.' };
  let rule: string | undefined;
  if (intent.rule || intent.ruleText) {
    const input = ruleFrom(intent.rule, intent.ruleText);
    if (!input.ok) return { ok: false, intent, error: input.error };
    rule = input.rule;
  }
  if (rule && intent.members?.length)
    return {
      ok: false,
      intent: { ...intent, rule },
      error: 'A dynamic group gets its members from its rule; leave Members empty.',
    };
  return {
    ok: true,
    draft: { name, nick, kind, description: intent.description, visibility: intent.visibility, rule },
  };
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
