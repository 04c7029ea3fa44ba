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
  const asOf = ctx.now().toISOString();
  const base = {
    rule: compiled.canonical,
    ...(group ? { group: { id: group.id, displayName: group.displayName } } : {}),
    asOf,
  };
  const warnings = [...compiled.warnings];

  if (compiled.kind === 'directReports') {
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
  if (compiled.kind === 'memberOf') {
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

  const translated = compiled.toODataFilter({ now: ctx.now() });
  if ('filter' in translated) {
    if (!group) {
      const r = await countAndSampleUsers(ctx.graph, translated.filter, SAMPLE);
      return {
        ...base,
        matchCount: r.count,
        sample: sampleOf(r.sample),
        warnings,
        notes: [`Counted by Microsoft Graph with the equivalent filter ${translated.filter}.`],
        method: 'count',
      };
    }
    const all = await listUsersByFilter(ctx.graph, translated.filter);
    const more = all.complete ? [] : ['The list of matches was cut short; counts are lower bounds.'];
    return {
      ...base,
      matchCount: all.users.length,
      sample: sampleOf(all.users),
      ...(await diffWith(ctx, group, all.users)),
      warnings: [...warnings, ...more],
      notes: [`Matched by Microsoft Graph with the equivalent filter ${translated.filter}.`],
      method: 'filter',
    };
  }

  const users: Record<string, unknown>[] = [];
  const scan = await scanUsers(ctx.graph, RULE_USER_SELECT, (page) => {
    users.push(...page);
  });
  const current = group ? (await listMemberIds(ctx.graph, group.id)).members.map((m) => m.id) : [];
  const p = previewRule(compiled, users, current, { now: ctx.now(), sampleSize: SAMPLE });
  const byName = new Map(users.map((u) => [String(u['displayName'] ?? ''), u]));
  const sample = p.sample.map((name) => {
    const u = byName.get(name);
    return toPerson({
      id: String(u?.['id'] ?? name),
      displayName: name,
      mail: (u?.['mail'] as string | null | undefined) ?? null,
    });
  });
  const person = (x: { id: string; name: string }): PersonSummary => ({ id: x.id, displayName: x.name });
  return {
    ...base,
    matchCount: p.count,
    sample,
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
      `Evaluated here over ${scan.scanned} users read from the directory (Graph has no equivalent filter: ${translated.unsupported}).`,
    ],
    method: 'scan',
  };
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
