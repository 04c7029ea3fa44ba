/**
 * Telling dynamic-membership rule syntax (`user.department -eq "Sales"`, `Direct Reports for "…"`) from a
 * plain-English membership phrase ("everyone in Seattle"). The rule text itself is kept raw: validation is the
 * rules engine's job (common/rules).
 */
import { cleanEdges, unquote } from './slot-clean';

const RULE_HEAD = /^(?:\(\s*|-not\s*)*(?:user|device)\.[A-Za-z_][\w.]*\s*(?:-[A-Za-z]+\b|==?|!=|<>|<=?|>=?)/i;
const DIRECT_REPORTS = /^Direct\s+Reports\s+for\b/i;
const CANDIDATE = /(?<![\w.])(?:\(\s*|-not\s*)*(?:user|device)\.[A-Za-z_]|(?<![\w.])Direct\s+Reports\s+for\b/gi;

/** True when `text` (trimmed, unquoted, without backticks) is rule syntax rather than English. */
export function isRuleSyntax(text: string): boolean {
  const t = unquote(text.trim()).replace(/^`|`$/g, '');
  return RULE_HEAD.test(t) || DIRECT_REPORTS.test(t);
}

/** Where rule syntax starts in `text` (index of the rule's first character, backtick included), or -1. */
export function findRuleStart(text: string): number {
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    let start = m.index;
    if (text[start - 1] === '`') start -= 1;
    if (isRuleSyntax(text.slice(start))) return start;
  }
  return -1;
}

/** The rule slot of a phrase: `{ rule }` for rule syntax (raw, trimmed), `{ ruleText }` for English, `{}` for nothing. */
export function ruleSlot(phrase: string | undefined): { rule?: string; ruleText?: string } {
  if (phrase === undefined) return {};
  const trimmed = phrase.trim().replace(/[\s;,]+$/, '');
  if (trimmed.length === 0) return {};
  if (isRuleSyntax(trimmed)) {
    const bare = unquote(trimmed)
      .replace(/^`([\s\S]*)`$/, '$1')
      .trim();
    return { rule: bare };
  }
  const text = unquote(cleanEdges(trimmed));
  return text.length > 0 ? { ruleText: text } : {};
}
