/**
 * "This rule would match N users": evaluates a compiled rule over a directory snapshot with a pinned `now`, and
 * says who would join and leave compared with the current members, plus the caveats of a local evaluation.
 */
import type { CompiledRule, RuleContext } from '../../common/rules/rule-compile';
import { formatTime } from '../../cards/card-time';

export interface PreviewOptions extends RuleContext {
  /** How many names the sample lists; default 10. */
  sampleSize?: number;
  /** Direct group ids per object id, for memberOf rules (otherwise read from each object's `memberOf`). */
  memberOfByUserId?: ReadonlyMap<string, readonly string[]>;
}

export interface PreviewPerson {
  readonly id: string;
  readonly name: string;
}

export interface RulePreview {
  /** How many of the given objects match. */
  readonly count: number;
  /** Names of the first `sampleSize` matches, in input order. */
  readonly sample: readonly string[];
  /** Matches that are not current members. */
  readonly added: readonly PreviewPerson[];
  /** Current members that would no longer match. */
  readonly removed: readonly PreviewPerson[];
  /** Matches that only match because an empty value satisfied a negated condition (undocumented in Entra). */
  readonly uncertain: number;
  /** The `system.now` the preview used, ISO 8601. */
  readonly asOf: string;
  /** Caveats to show with the preview. */
  readonly warnings: readonly string[];
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The name a preview shows for a directory object. */
export function displayNameOf(obj: Record<string, unknown>): string {
  return (
    text(obj['displayName']) ?? text(obj['userPrincipalName']) ?? text(obj['mail']) ?? text(obj['id']) ?? '(unnamed)'
  );
}

/** Evaluates a rule over a snapshot of users (or devices for a device rule). Pure; never throws. */
export function previewRule(
  compiled: CompiledRule,
  users: readonly Record<string, unknown>[],
  currentMemberIds: Iterable<string>,
  ctx: PreviewOptions = {},
): RulePreview {
  const now = ctx.now ?? new Date();
  const sampleSize = ctx.sampleSize ?? 10;
  const current = new Set([...currentMemberIds].map((id) => id.toLowerCase()));
  const sample: string[] = [];
  const added: PreviewPerson[] = [];
  const matchedIds = new Set<string>();
  const byId = new Map<string, Record<string, unknown>>();
  let count = 0;
  let uncertain = 0;
  for (const user of users) {
    const id = text(user['id']) ?? '';
    if (id) byId.set(id.toLowerCase(), user);
    const memberOf = (id ? ctx.memberOfByUserId?.get(id) : undefined) ?? ctx.memberOf;
    const lenient: RuleContext = { now, memberOf, negatedOnNull: ctx.negatedOnNull ?? true };
    if (!compiled.matches(user, lenient)) continue;
    count++;
    if (id) matchedIds.add(id.toLowerCase());
    if (lenient.negatedOnNull && !compiled.matches(user, { now, memberOf, negatedOnNull: false })) uncertain++;
    const name = displayNameOf(user);
    if (sample.length < sampleSize) sample.push(name);
    if (id && !current.has(id.toLowerCase())) added.push({ id, name });
  }
  const removed: PreviewPerson[] = [];
  let unknown = 0;
  for (const id of current) {
    if (matchedIds.has(id)) continue;
    const user = byId.get(id);
    if (!user) unknown++;
    removed.push({ id: user ? (text(user['id']) ?? id) : id, name: user ? displayNameOf(user) : id });
  }
  const warnings = [...compiled.warnings];
  if (uncertain > 0) {
    warnings.push(
      `${uncertain} of the ${count} matches qualify only because a value is empty in a negated condition (-ne, -not…); Entra's handling of empty values is undocumented`,
    );
  }
  if (unknown > 0)
    warnings.push(
      `${unknown} current member${unknown === 1 ? ' is' : 's are'} not in the directory snapshot, so listed as leaving`,
    );
  if (compiled.canonical.includes('system.now'))
    warnings.push(`system.now was taken as ${formatTime(now)}; Entra re-evaluates it over time`);
  if (
    users.length > 0 &&
    compiled.kind === 'memberOf' &&
    !ctx.memberOfByUserId &&
    !ctx.memberOf &&
    !users.some((u) => Array.isArray(u['memberOf']))
  ) {
    warnings.push('no group memberships were supplied, so no one can match this memberOf rule in the preview');
  }
  return { count, sample, added, removed, uncertain, asOf: now.toISOString(), warnings };
}
