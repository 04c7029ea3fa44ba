import { compileRule, checkRule, type CompiledRule } from '../../common/rules';
import { previewRule } from './rule-snapshot-preview';
import { ruleFromPlainEnglish } from '../../common/rules/rule-from-plain-english';
import {
  countAndSampleUsers,
  listMemberIds,
  listUsersByFilter,
  scanUsers,
  RULE_USER_SELECT,
} from '../directory/users-query';
import type { DirectoryGroup, DirectoryUser } from '../directory/types';
import type { PersonSummary, RulePreviewCardModel } from '../../cards/view-models';
import type { CommandContext } from './context';
import { toPerson } from './views';

const SAMPLE = 10;

/** A rule as the user gave it: rule syntax, or plain English turned into rule syntax. */
export type RuleInput = { ok: true; rule: string; summary?: string } | { ok: false; error: string };

/**
 * Validates a rule (or builds one from plain English) without any I/O. The error is the rules engine's reason
 * with its column, or a sentence saying the plain English was not understood. Never throws.
 */
export function ruleFrom(rule: string | undefined, ruleText: string | undefined): RuleInput {
  if (rule) {
    const check = checkRule(rule);
    return check.valid
      ? { ok: true, rule: check.canonical }
      : { ok: false, error: `That rule is not valid: ${check.error} (column ${check.column}).` };
  }
  if (ruleText) {
    const built = ruleFromPlainEnglish(ruleText);
    if (!built)
      return {
        ok: false,
        error: `I couldn't turn "${ruleText}" into a membership rule. Write it as a rule instead, for example: user.department -eq "Marketing".`,
      };
    const check = checkRule(built.rule);
    return check.valid
      ? { ok: true, rule: check.canonical, summary: built.summary }
      : { ok: false, error: `I built the rule ${built.rule}, but it is not valid: ${check.error}.` };
  }
  return { ok: false, error: 'Which rule? For example: user.department -eq "Marketing".' };
}

/** The preview of a rule, ready for the rule preview card (without the apply button). */
export type RulePreviewModel = Omit<RulePreviewCardModel, 'applyPendingId'> & {
  method: 'count' | 'filter' | 'scan' | 'memberOf' | 'none';
};

function sampleOf(users: DirectoryUser[]): PersonSummary[] {
  return users.slice(0, SAMPLE).map(toPerson);
}

/**
 * Who a rule would match, computed against the directory with the actor's token:
 * - translatable to `$filter` and no group to compare: Graph counts (`$count`) and samples, one round trip;
 * - translatable with a group: the matching ids (999 a page) against the current member ids;
 * - otherwise: users fetched page by page with only the rule's properties (`$select`), evaluated here.
 * The card says which was used. Throws DomainError (Graph) or RuleSyntaxError (call ruleFrom first).
 */
export async function previewOnGraph(
  ctx: CommandContext,
  rule: string,
  group?: DirectoryGroup,
): Promise<RulePreviewModel> {
  const compiled: CompiledRule = compileRule(rule);
  const base: PreviewBase = {
    rule: compiled.canonical,
    ...(group ? { group: { id: group.id, displayName: group.displayName } } : {}),
    asOf: ctx.now().toISOString(),
  };
  const warnings = [...compiled.warnings];
  if (compiled.kind === 'directReports') return directReportsPreview(base, warnings);
  if (compiled.kind === 'memberOf') return memberOfPreview(ctx, compiled, base, warnings, group);
  const translated = compiled.toODataFilter({ now: ctx.now() });
  if ('filter' in translated) {
    return group
      ? filterPreview(ctx, translated.filter, base, warnings, group)
      : countPreview(ctx, translated.filter, base, warnings);
  }
  return scanPreview(ctx, compiled, translated.unsupported, base, group);
}

/** What every preview starts with: the canonical rule, the group compared with, when it was computed. */
type PreviewBase = Pick<RulePreviewModel, 'rule' | 'group' | 'asOf'>;

/** "Direct Reports" rules: no preview here. */
function directReportsPreview(base: PreviewBase, warnings: string[]): RulePreviewModel {
  return {
    ...base,
    matchCount: 0,
    sample: [],
    warnings,
    notes: [
      'A preview of "Direct Reports" rules is not available here; Entra evaluates them from the manager\'s reports.',
    ],
    method: 'none',
  };
}

/** memberOf rules: the direct members of the groups the rule names. */
async function memberOfPreview(
  ctx: CommandContext,
  compiled: CompiledRule,
  base: PreviewBase,
  warnings: string[],
  group: DirectoryGroup | undefined,
): Promise<RulePreviewModel> {
  const ids = new Map<string, { id: string; displayName: string | null }>();
  for (const gid of compiled.sourceGroupIds ?? [])
    for (const m of (await listMemberIds(ctx.graph, gid)).members) ids.set(m.id, m);
  const matches = [...ids.values()].map((m) => ({ id: m.id, displayName: m.displayName ?? m.id }));
  return {
    ...base,
    matchCount: matches.length,
    sample: sampleOf(matches),
    ...(group ? await diffWith(ctx, group, matches) : {}),
    warnings,
    notes: ['Counted from the direct members of the groups the rule names.'],
    method: 'memberOf',
  };
}

/** A rule Graph can filter on, no group to compare: Graph counts and samples in one round trip. */
async function countPreview(
  ctx: CommandContext,
  filter: string,
  base: PreviewBase,
  warnings: string[],
): Promise<RulePreviewModel> {
  const r = await countAndSampleUsers(ctx.graph, filter, SAMPLE);
  return {
    ...base,
    matchCount: r.count,
    sample: sampleOf(r.sample),
    warnings,
    notes: [`Counted by Microsoft Graph with the equivalent filter ${filter}.`],
    method: 'count',
  };
}

/** A rule Graph can filter on, compared with a group: every match against the current members. */
async function filterPreview(
  ctx: CommandContext,
  filter: string,
  base: PreviewBase,
  warnings: string[],
  group: DirectoryGroup,
): Promise<RulePreviewModel> {
  const all = await listUsersByFilter(ctx.graph, filter);
  const more = all.complete ? [] : ['The list of matches was cut short; counts are lower bounds.'];
  return {
    ...base,
    matchCount: all.users.length,
    sample: sampleOf(all.users),
    ...(await diffWith(ctx, group, all.users)),
    warnings: [...warnings, ...more],
    notes: [`Matched by Microsoft Graph with the equivalent filter ${filter}.`],
    method: 'filter',
  };
}

/** A rule Graph cannot filter on: users read page by page (only the rule's properties) and evaluated here. */
async function scanPreview(
  ctx: CommandContext,
  compiled: CompiledRule,
  unsupported: string,
  base: PreviewBase,
  group: DirectoryGroup | undefined,
): Promise<RulePreviewModel> {
  const users: Record<string, unknown>[] = [];
  const scan = await scanUsers(ctx.graph, RULE_USER_SELECT, (page) => {
    users.push(...page);
  });
  const current = group ? (await listMemberIds(ctx.graph, group.id)).members.map((m) => m.id) : [];
  const p = previewRule(compiled, users, current, { now: ctx.now(), sampleSize: SAMPLE });
  const person = (x: { id: string; name: string }): PersonSummary => ({ id: x.id, displayName: x.name });
  return {
    ...base,
    matchCount: p.count,
    sample: scannedSample(p.sample, users),
    ...(group
      ? {
          added: { count: p.added.length, sample: p.added.slice(0, SAMPLE).map(person) },
          removed: { count: p.removed.length, sample: p.removed.slice(0, SAMPLE).map(person) },
        }
      : {}),
    warnings: [
      ...p.warnings,
      ...(scan.complete ? [] : ['Only part of the directory was read; counts are lower bounds.']),
    ],
    notes: [
      `Evaluated here over ${scan.scanned} users read from the directory (Graph has no equivalent filter: ${unsupported}).`,
    ],
    method: 'scan',
  };
}

/** The sample names of a scan, as people (with id and mail from the users read). */
function scannedSample(names: readonly string[], users: Record<string, unknown>[]): PersonSummary[] {
  const byName = new Map(users.map((u) => [String(u['displayName'] ?? ''), u]));
  return names.map((name) => {
    const u = byName.get(name);
    return toPerson({
      id: String(u?.['id'] ?? name),
      displayName: name,
      mail: (u?.['mail'] as string | null | undefined) ?? null,
    });
  });
}

async function diffWith(
  ctx: CommandContext,
  group: DirectoryGroup,
  matches: { id: string; displayName: string }[],
): Promise<Pick<RulePreviewCardModel, 'added' | 'removed'>> {
  const current = (await listMemberIds(ctx.graph, group.id)).members;
  const currentIds = new Set(current.map((m) => m.id.toLowerCase()));
  const matchIds = new Set(matches.map((m) => m.id.toLowerCase()));
  const added = matches.filter((m) => !currentIds.has(m.id.toLowerCase()));
  const removed = current
    .filter((m) => !matchIds.has(m.id.toLowerCase()))
    .map((m) => ({ id: m.id, displayName: m.displayName ?? m.id }));
  return {
    added: {
      count: added.length,
      sample: added.slice(0, SAMPLE).map((u) => ({ id: u.id, displayName: u.displayName })),
    },
    removed: {
      count: removed.length,
      sample: removed.slice(0, SAMPLE).map((u) => ({ id: u.id, displayName: u.displayName })),
    },
  };
}

/** One line: "12 people match (e.g. Ana Silva, Megan Bowen); 3 would join, 1 would leave." */
export function previewSentence(p: RulePreviewModel): string {
  if (p.method === 'none') return p.notes?.[p.notes.length - 1] ?? 'No preview is available for this rule.';
  const names = p.sample
    .slice(0, 5)
    .map((s) => s.displayName)
    .join(', ');
  let s = `${p.matchCount} ${p.matchCount === 1 ? 'person matches' : 'people match'}${names ? ` (for example ${names})` : ''}.`;
  if (p.added && p.removed)
    s += ` Compared with the current members, ${p.added.count} would join and ${p.removed.count} would leave.`;
  return s;
}
