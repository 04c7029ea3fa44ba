/**
 * createGroup: name, type, visibility, description, rule (syntax) or ruleText (English), members, owners.
 * The sentence is cut into a head ("a new security group called Finance Readers") and clauses introduced by
 * markers ("with description ...", "owned by ...", "for everyone in ...", "with rule ...").
 */
import type { GroupKind, Visibility } from '../intent';
import { makeIntent, type Slots } from '../intent-build';
import { capture, maskQuotes, rx } from '../quote-mask';
import { findRuleStart, ruleSlot } from '../rule-detect';
import { cleanFree, cleanName, usersSlot } from '../slot-clean';
import type { Matcher } from './matcher';

const ADJ = String.raw`(?:private|public|hidden(?:[-\s]membership)?|security|sec|dynamic|microsoft\s*365|m365|ms\s*365|office\s*365|o365|unified|mail[-\s]enabled|distribution|modern|static|assigned)`;
const HEAD = rx(
  String.raw`^(?:(?:create|set\s+up|setup|spin\s+up|build|establish|provision)\b|(?:make|add|start|open|form|need|(?:i|we)\s+(?:need|want|would\s+like|['’]d\s+like))\s+(?:me\s+|us\s+)?(?=(?:an?|one)\s+(?:(?:new|brand\s+new|another)\s+)?(?:${ADJ}\s+)*(?:group|team)\b)|new(?=\s+(?:${ADJ}\s+)*(?:group|team)\b))\s*(?<rest>[\s\S]*)$`,
);

const RULE_CONNECTOR =
  /[\s,]*(?:and\s+)?(?:(?:with|using|where|based\s+on|having|for|matching|that\s+matches|for\s+(?:all\s+)?(?:users|people|everyone|devices)\s+(?:where|whose|with|matching))\s+)?(?:(?:the|a|an|this)\s+)?(?:(?:dynamic|membership|following)\s+)*(?:rule|query|condition|filter)?\s*(?:of|:|=)?\s*$/i;
const WITH_AS = /[\s,]+(?:and\s+)?with\s+(?<who>.+?)\s+as\s+(?:(?:the|an?)\s+)?(?<role>members?|(?:co-?)?owners?)\b/i;
const VISIBILITY_CLAUSE =
  /\s*,\s*(?<v2>private|public|hidden)\s*(?=,|$)|[\s,]+(?:and\s+)?(?:(?:that|which)\s+is|(?:and\s+)?make\s+it|set\s+(?:it\s+)?to|as|with\s+visibility|visibility)\s*[:=]?\s*(?:an?\s+)?(?<v>private|public|hidden[-\s]membership|hidden)(?:\s+(?:one|group|team))?\b/i;
const DYNAMIC_CLAUSE =
  /(?:,\s*(?:and\s+)?(?:(?:make\s+it|that\s+is|it['’]?s)\s+)?|\s+(?:and\s+)?(?:make\s+it|that\s+is)\s+)dynamic(?:ally)?(?:\s+(?:group|team|one))?(?=[\s,]|$)/i;
const TYPE_CLAUSE = new RegExp(String.raw`[\s,]+as\s+an?\s+(?<t>(?:${ADJ}\s+)+)(?:group|team)\b`, 'i');

const WHO = String.raw`(?:(?:all\s+(?:of\s+)?(?:the\s+)?)?(?:(?:everyone|everybody|anyone)\b|(?:users|people|employees|staff|guests|devices|members|accounts)\s+(?:in|from|at|whose|who|with|based|located|working|that|where|of|under|reporting|on|hired)\b)|all\s+(?:users|employees|staff|people|members|guests|devices)\b)`;
const MARKERS = new RegExp(
  [
    String.raw`(?<desc>[\s,]+(?:and\s+)?(?:with\s+|having\s+)?(?:(?:a|the)\s+)?(?:description|desc)\b\s*(?:of\s+|:\s*|=\s*|saying\s+|that\s+says\s+|as\s+|reading\s+)?|[\s,]+(?:and\s+)?described\s+as\s+)`,
    String.raw`(?<members>[\s,]+(?:and\s+)?(?:with|having|including)\s+(?:the\s+)?(?:initial\s+)?members?\b\s*[:=]?\s*|[\s,]+members?\s*[:=]\s*|[\s,]+and\s+(?:then\s+)?add\s+)`,
    String.raw`(?<owners>\s*,\s*(?:and\s+)?(?:co-?)?owners?\b\s*[:=]?\s*(?=\S)|\s+[-–—]\s+(?:co-?)?owners?\b\s*[:=]?\s*|[\s,]+(?:and\s+)?(?:with|having)\s+(?:the\s+)?(?:initial\s+)?(?:co-?)?owners?\b\s*[:=]?\s*|[\s,]+(?:co-?)?owners?\s*[:=]\s*|[\s,]+(?:and\s+)?owned\s+by\s+|[\s,]+and\s+(?:then\s+)?make\s+(?=[^\n]*\bowners?\b))`,
    String.raw`(?<ruleKw>[\s,]+(?:and\s+)?(?:with|using|where|based\s+on|having)\s+(?:(?:a|the)\s+)?(?:(?:dynamic|membership)\s+)*(?:rule|condition|query|filter)\s*(?::|=|of)?\s*)`,
    String.raw`(?<ruleText>[\s,]+(?:and\s+)?(?:for|with|containing|including|that\s+(?:includes?|contains?|has)|made\s+up\s+of|populated\s+(?:with|by)|of)\s+(?=${WHO}))`,
  ].join('|'),
  'gi',
);

type ClauseKind = 'desc' | 'members' | 'owners' | 'ruleKw' | 'ruleText';

const NAME_MARKER =
  /\b(?:called|named|titled|with\s+(?:the\s+)?(?:display\s+)?name(?:\s+of)?|name\s*[:=]|name\s+it)\s*/i;
const LEADING_DESCRIPTORS =
  /^(?:(?:a|an|the|one|me|us|new|brand\s+new|another|private|public|hidden(?:[-\s]membership)?|dynamic)\s+)+/i;
const TRAILING_DESCRIPTORS = new RegExp(String.raw`(?:\s+${ADJ})+$`, 'i');

function kindOf(descriptor: string, noun: string | undefined): GroupKind | undefined {
  if (/(?:microsoft|ms|office)\s*365|\bm365\b|\bo365\b|\bunified\b|\bmodern\b/i.test(descriptor)) return 'microsoft365';
  if (/\bsec(?:urity)?\b/i.test(descriptor)) return 'security';
  if (noun !== undefined && /^teams?$/i.test(noun)) return 'microsoft365';
  return undefined;
}

function visibilityOf(text: string): Visibility | undefined {
  if (/\bprivate\b/i.test(text)) return 'Private';
  if (/\bpublic\b/i.test(text)) return 'Public';
  if (/\bhidden\b/i.test(text)) return 'HiddenMembership';
  return undefined;
}

interface Head {
  descriptor: string;
  name?: string;
  noun?: string;
  /** What follows the name ("'VPN Users' for remote staff" → "for remote staff"): offered as the description. */
  description?: string;
}

const PURPOSE = /\s+(?=(?:for|to)\s+\S)/i;

/** Splits a name phrase into the name and a purpose after it: a quoted name, or the words before "for"/"to". */
function nameAndPurpose(phrase: string): { name?: string; description?: string } {
  const t = phrase.trim();
  const masked = maskQuotes(t);
  const quoted = /^(["“'‘`])(\uE000+)(["”'’`])(?<rest>[\s\S]*)$/.exec(masked);
  if (quoted?.groups) {
    const end = t.length - (quoted.groups.rest ?? '').length;
    return { name: cleanName(t.slice(0, end)), description: cleanFree(t.slice(end).replace(/^\s*[-–—:,]\s*/, '')) };
  }
  const purpose = PURPOSE.exec(masked);
  if (purpose && purpose.index > 0)
    return { name: cleanName(t.slice(0, purpose.index)), description: cleanFree(t.slice(purpose.index)) };
  return { name: cleanName(t) };
}

/** Splits the head into the descriptor words, the name and a purpose that follows it. */
function parseHead(head: string): Head {
  const masked = maskQuotes(head);
  const called = NAME_MARKER.exec(masked);
  if (called) {
    const before = head.slice(0, called.index);
    const nounAt = /\b(group|team)s?\b/i.exec(before);
    const purposeBefore = nounAt
      ? cleanFree(before.slice(nounAt.index + nounAt[0].length).replace(/^\s*(?=for|to)/i, ''))
      : undefined;
    const after = nameAndPurpose(head.slice(called.index + called[0].length));
    return {
      descriptor: before,
      noun: nounAt?.[1],
      name: after.name,
      description:
        after.description ?? (purposeBefore && /^(?:for|to)\s/i.test(purposeBefore) ? purposeBefore : undefined),
    };
  }
  const nounMatch = /\b(group|team)s?\b/i.exec(masked);
  if (!nounMatch) {
    const name = head.replace(LEADING_DESCRIPTORS, '');
    return { descriptor: head.slice(0, head.length - name.length), name: cleanName(name) };
  }
  const pre = head.slice(0, nounMatch.index);
  const post = head.slice(nounMatch.index + nounMatch[0].length).replace(/^\s*(?:for\s+|:\s*|-\s+)?/i, '');
  if (cleanName(post) !== undefined) return { descriptor: pre, noun: nounMatch[1], ...nameAndPurpose(post) };
  const lead = LEADING_DESCRIPTORS.exec(pre)?.[0] ?? '';
  const middle = pre.slice(lead.length).trimEnd();
  const trail = TRAILING_DESCRIPTORS.exec(' ' + middle)?.[0] ?? '';
  const name = (' ' + middle).slice(0, (' ' + middle).length - trail.length);
  const isOnlyDescriptor = new RegExp(String.raw`^\s*(?:${ADJ}\s*)*$`, 'i').test(name);
  return { descriptor: lead + trail, name: isOnlyDescriptor ? undefined : cleanName(name), noun: nounMatch[1] };
}

function clauseValue(kind: ClauseKind, value: string, slots: Slots): void {
  if (kind === 'desc') slots.description = cleanFree(value);
  else if (kind === 'members') {
    slots.members = usersSlot(
      value.replace(/\s+(?:to\s+it|to\s+the\s+group|as\s+(?:the\s+)?members?|too|also|as\s+well)$/i, ''),
    );
  } else if (kind === 'owners') {
    slots.owners = usersSlot(value.replace(/\s+(?:(?:as\s+)?(?:the\s+|an?\s+)?(?:co-?)?owners?|to\s+it)$/i, ''));
  } else if (kind === 'ruleText') slots.ruleText = cleanFree(value);
  else Object.assign(slots, ruleSlot(value));
}

/** "…; Olga owns it", "… — Patti and Megan will own it", "…, Lee Gu and Zoë Müller to own it". */
const OWNS_IT =
  /\s*(?:[;,]|\s[-–—])\s*(?<who>[^;,—–]+?(?:\s*,\s*[^;,—–]+?)*)\s+(?:owns|own|will\s+own|to\s+own|should\s+own|can\s+own|(?:is|are|will\s+be)\s+(?:the\s+)?owners?(?:\s+of)?)\s+it\s*$/i;
/** "(security)", "(Microsoft 365)" after the name. */
const TYPE_PAREN = new RegExp(String.raw`\s*\((?:${ADJ}\s*)+(?:group)?\)`, 'i');

/** "create a security group called Finance Readers", "create a dynamic group for everyone in Marketing". */
export const matchCreateGroup: Matcher = (u) => {
  const c = capture(u, HEAD);
  if (!c) return undefined;
  let rest = c.rest ?? '';
  const slots: Slots = {};
  let extraDescriptor = '';

  const ruleAt = findRuleStart(rest);
  if (ruleAt >= 0) {
    Object.assign(slots, ruleSlot(rest.slice(ruleAt)));
    rest = rest.slice(0, ruleAt).replace(RULE_CONNECTOR, '');
  }
  const withAs = WITH_AS.exec(maskQuotes(rest));
  if (withAs?.groups?.role !== undefined) {
    const who = rest
      .slice(withAs.index, withAs.index + withAs[0].length)
      .replace(/^[\s,]+(?:and\s+)?with\s+/i, '')
      .replace(/\s+as\s+(?:(?:the|an?)\s+)?\S+$/i, '');
    if (/owner/i.test(withAs.groups.role)) slots.owners = usersSlot(who);
    else slots.members = usersSlot(who);
    rest = rest.slice(0, withAs.index) + rest.slice(withAs.index + withAs[0].length);
  }
  const ownsIt = OWNS_IT.exec(maskQuotes(rest));
  if (ownsIt) {
    slots.owners = usersSlot(rest.slice(ownsIt.index).replace(OWNS_IT, '$<who>'));
    rest = rest.slice(0, ownsIt.index);
  }
  const paren = TYPE_PAREN.exec(maskQuotes(rest));
  if (paren) {
    extraDescriptor += ' ' + paren[0].replace(/[()]/g, ' ');
    rest = rest.slice(0, paren.index) + rest.slice(paren.index + paren[0].length);
  }
  const vis = VISIBILITY_CLAUSE.exec(maskQuotes(rest));
  if (vis) {
    extraDescriptor += ' ' + vis[0];
    rest = rest.slice(0, vis.index) + rest.slice(vis.index + vis[0].length);
  }
  const dyn = DYNAMIC_CLAUSE.exec(maskQuotes(rest));
  if (dyn) {
    extraDescriptor += ' dynamic';
    rest = rest.slice(0, dyn.index) + rest.slice(dyn.index + dyn[0].length);
  }
  const typed = TYPE_CLAUSE.exec(maskQuotes(rest));
  if (typed) {
    extraDescriptor += ' ' + typed[0];
    rest = rest.slice(0, typed.index) + rest.slice(typed.index + typed[0].length);
  }

  const masked = maskQuotes(rest);
  const marks: Array<{ kind: ClauseKind; start: number; end: number }> = [];
  MARKERS.lastIndex = 0;
  for (let m = MARKERS.exec(masked); m; m = MARKERS.exec(masked)) {
    if (m[0].length === 0) {
      MARKERS.lastIndex += 1;
      continue;
    }
    const kind = (Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0] ?? 'desc') as ClauseKind;
    marks.push({ kind, start: m.index, end: m.index + m[0].length });
  }
  const head = rest.slice(0, marks[0]?.start ?? rest.length);
  marks.forEach((mark, i) => clauseValue(mark.kind, rest.slice(mark.end, marks[i + 1]?.start ?? rest.length), slots));

  const { descriptor, name, noun, description } = parseHead(head);
  if (slots.description === undefined && description !== undefined) slots.description = description;
  const words = descriptor + ' ' + extraDescriptor + ' ' + (noun ?? '');
  return makeIntent('createGroup', {
    ...slots,
    name,
    groupType: kindOf(words, noun),
    visibility: visibilityOf(descriptor + ' ' + extraDescriptor),
    dynamic: /\bdynamic(?:ally)?\b/i.test(words),
  });
};
