/**
 * "Did you mean": for a message the parser could not place, the two or three closest requests it can
 * answer, written out in full with the names the message mentions ("who owns Finance Readers"). Pure and
 * deterministic; every suggestion parses to a real intent.
 */
import { namedThings } from './message-text';
import { normalizeUtterance } from './text-normalize';
import { fixTypos } from './typo-fix';

interface Template {
  words: RegExp;
  /** {g}: a group the message names; {p}: a person. */
  text: string;
}

const TEMPLATES: Template[] = [
  {
    words: /\b(?:owners?|owns?|own|manage[sd]?|managers?|admins?|responsible|charge|contact|approve|ask)\b/gi,
    text: 'who owns {g}',
  },
  { words: /\b(?:members?|who|people|everyone|inside|list|in)\b/gi, text: 'who is in {g}' },
  { words: /\b(?:is|in|member|belong|belongs|part|access)\b/gi, text: 'is {p} in {g}' },
  { words: /\b(?:add|join|put|include|give|grant|needs?)\b/gi, text: 'add {p} to {g}' },
  { words: /\b(?:remove|leave|leaving|drop|kick|out|off)\b/gi, text: 'remove {p} from {g}' },
  { words: /\b(?:about|info|details?|describe|what|show|tell)\b/gi, text: 'tell me about {g}' },
  { words: /\b(?:need|want|access|join|get|into|request)\b/gi, text: 'I need access to {g}' },
  { words: /\b(?:groups?|teams?|which|where|memberships?)\b/gi, text: 'which groups is {p} in' },
  { words: /\b(?:rule|rules|dynamic|query|match|matches|automatic)\b/gi, text: "what's the rule for {g}" },
  { words: /\b(?:licen[cs]es?|sku|e3|e5)\b/gi, text: 'which licences does {g} have' },
  { words: /\b(?:history|changed?|changes|log|audit|who\s+added)\b/gi, text: 'history of {g}' },
  { words: /\b(?:my|mine|me)\b/gi, text: 'my groups' },
  { words: /\b(?:groups?|teams?|all|list|show|security|deleted)\b/gi, text: 'show all groups' },
  { words: /\b(?:requests?|approvals?|pending|waiting)\b/gi, text: 'my requests' },
];

function hits(re: RegExp, text: string): number {
  re.lastIndex = 0;
  return text.match(re)?.length ?? 0;
}

/**
 * Up to `limit` requests closest to `text`, best first. Templates that need a group or a person are used only
 * when the message names one. Never throws.
 */
export function suggestRequests(text: string, limit = 3): string[] {
  const clean = typeof text === 'string' ? fixTypos(normalizeUtterance(text.slice(0, 2000))) : '';
  const names = namedThings(clean);
  const group = names.find((n) => n.group)?.text ?? names[names.length - 1]?.text;
  const person = names.find((n) => !n.group && n.text !== group)?.text;
  const scored = TEMPLATES.map((t, order) => ({ t, order, score: hits(t.words, clean) }))
    .filter(
      ({ t }) => (!t.text.includes('{g}') || group !== undefined) && (!t.text.includes('{p}') || person !== undefined),
    )
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order);
  const out: string[] = [];
  for (const { t } of scored) {
    const filled = t.text.replace('{g}', group ?? '').replace('{p}', person ?? '');
    if (!out.includes(filled)) out.push(filled);
    if (out.length === limit) return out;
  }
  const fallbacks =
    group !== undefined
      ? [`tell me about ${group}`, `who is in ${group}`, `who owns ${group}`]
      : ['show all groups', 'my groups', 'help'];
  for (const f of fallbacks) {
    if (out.length === limit) break;
    if (!out.includes(f)) out.push(f);
  }
  return out;
}
