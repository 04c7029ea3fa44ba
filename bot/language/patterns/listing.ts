/** listGroups (type filters, name prefix) and showGroup (one group's details). */
import type { GroupKind } from '../intent';
import { makeIntent } from '../intent-build';
import { capture, rx } from '../quote-mask';
import { cleanEdges, groupsSlot, unquote } from '../slot-clean';
import type { Matcher } from './matcher';
import { SHOW } from './vocabulary';

const TYPE_WORD = String.raw`(?:mail[-\s]enabled\s+security|security|microsoft\s*365|m365|ms\s*365|office\s*365|o365|unified|modern|dynamic|deleted|recently\s+deleted|soft[-\s]?deleted|removed|static|assigned)`;
const LIST_GROUPS = rx(
  String.raw`^(?<verb>(?:${SHOW}|search(?:\s+for)?|find(?:\s+all)?|look\s+for|look\s*up|search\s+all|how\s+many|what|which|are\s+there\s+any|do\s+we\s+have\s+any|any)\s+)?(?:me\s+|us\s+)?(?:(?:all|every|the|any|existing|current|available|our|of\s+the|tenant['’]?s?|other)\s+)*(?<types>(?:${TYPE_WORD}\s+){0,2})(?<noun>groups|group|teams)(?<rest>(?:\s[\s\S]*)?)$`,
);

const REST_PLAIN =
  /^(?:|(?:that\s+|which\s+)?(?:exist|there\s+are|are\s+there|we\s+have|do\s+we\s+have|do\s+i\s+have\s+access\s+to|are\s+available|available|i\s+can\s+see)|in\s+(?:the\s+)?(?:tenant|directory|org|organi[sz]ation|company|entra(?:\s+id)?|azure\s+ad)|there)$/i;
const REST_TYPE = new RegExp(
  String.raw`^(?:that\s+|which\s+)?(?:are|were|have\s+been|got|are\s+currently)\s+(?:recently\s+)?(?<t>${TYPE_WORD})(?:\s+(?:groups|ones|recently))?$`,
  'i',
);
const REST_PREFIX =
  /^(?:(?:that|which)\s+)?(?:starting|beginning|start|starts|begin|begins|whose\s+names?\s+(?:starts?|begins?)|with\s+(?:a\s+)?names?\s+(?:starting|beginning)|named|called|prefixed|with\s+(?:the\s+)?prefix|matching|like|(?:that|which)\s+(?:start|begin)|with\s+names?\s+like)\s+(?:with\s+|by\s+)?(?<p>.+)$/i;

function kindOf(words: string): GroupKind | undefined {
  const w = words.toLowerCase();
  if (/deleted|removed/.test(w)) return 'deleted';
  if (/dynamic/.test(w)) return 'dynamic';
  if (/security/.test(w)) return 'security';
  if (/365|unified|modern/.test(w)) return 'microsoft365';
  return undefined;
}

function prefix(p: string): string | undefined {
  const t = unquote(
    cleanEdges(p)
      .replace(/(?:\*|\.\.\.|…)$/, '')
      .trim(),
  ).replace(/\*$/, '');
  return t.length > 0 ? t : undefined;
}

const RECYCLE = rx(
  String.raw`^(?:${SHOW}\s+)?(?:me\s+)?(?:the\s+)?(?:recycle\s+bin|deleted\s+items|trash|what(?:['’]s|\s+is|\s+was|\s+got|\s+has\s+been)\s+(?:recently\s+)?deleted|(?:did|has|have)\s+(?:anything|any\s+groups?|something)\s+(?:got\s+|get\s+|been\s+)?(?:deleted|removed)(?:\s+(?:recently|lately|today))?)$`,
);
const SEARCH = rx(String.raw`^(?:search(?:\s+for)?|look\s+for)\s+(?<p>.+)$`);

/** "show all security groups", "deleted groups", "what groups were deleted", "groups starting with Fin". */
export const matchListGroups: Matcher = (u) => {
  if (capture(u, RECYCLE)) return makeIntent('listGroups', { groupType: 'deleted' });
  const c = capture(u, LIST_GROUPS);
  if (c) {
    const rest = (c.rest ?? '').trim();
    let groupType = kindOf(c.types ?? '');
    if (groupType === undefined && /^teams$/i.test(c.noun ?? '')) groupType = 'microsoft365';
    if (REST_PLAIN.test(rest)) return makeIntent('listGroups', { groupType });
    const typed = REST_TYPE.exec(rest);
    if (typed?.groups?.t) return makeIntent('listGroups', { groupType: kindOf(typed.groups.t) ?? groupType });
    const pre = REST_PREFIX.exec(rest);
    if (pre?.groups?.p) return makeIntent('listGroups', { groupType, startsWith: prefix(pre.groups.p) });
    if (/^(?:search|find|look)/i.test(c.verb ?? '') && rest.length > 0 && !/^(?:for|of)\s/i.test(rest)) {
      return makeIntent('listGroups', { groupType, startsWith: prefix(rest) });
    }
    return undefined;
  }
  const s = capture(u, SEARCH);
  return s?.p !== undefined ? makeIntent('listGroups', { startsWith: prefix(s.p) }) : undefined;
};

const OUT_OF_DOMAIN =
  /^(?:(?:the|a|an|some|me\s+a|us\s+a)\s+)?(?:weather|jokes?|news|forecast|temperature|songs?|music|movies?|lunch|dinner|breakfast|recipes?|stock\s+prices?|meaning\s+of\s+life|yourself|traffic)\b|^(?:(?:the|a)\s+)?time$|^(?:all|everything|something|anything|me|us|it|that|this|them|you)$|^(?:groups|teams)\b/i;
const GUID = /^[{(]?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}[})]?$/i;

const SHOW_GROUP: RegExp[] = [
  rx(
    String.raw`^(?:tell\s+me\s+(?:more\s+)?about|what\s+do\s+you\s+know\s+about|(?:show|give|get|display)\s+(?:me\s+)?(?:the\s+)?(?:details|info|information|properties|summary|overview|settings)\s+(?:of|for|about|on)|(?:details|info|information|properties|summary|overview|settings)\s+(?:of|for|about|on)|describe|look\s*up|show(?:\s+me)?|display|open|get|view|check\s+out|inspect|find(?:\s+me)?)\s+(?:the\s+)?(?:group\s+)?(?<g>.+)$`,
  ),
  rx(String.raw`^(?:what|which)(?:['’]s|\s+is|s)\s+(?<g>.+?\s+(?:group|team))$`),
  rx(String.raw`^(?:what|which)(?:['’]s|\s+is|s)\s+(?<g>["“'‘].+)$`),
  rx(
    String.raw`^(?:is\s+there|do\s+we\s+have|does\s+(?:a|the)\s+group)\s+(?:an?\s+|any\s+)?(?:group|team)?\s*(?:called|named)\s+(?<g>.+?)(?:\s+exist)?$`,
  ),
  rx(String.raw`^(?<g>.+?)\s+(?:details|info|information|properties|summary|overview)$`),
  rx(String.raw`^(?:group|team)\s+(?<g>.+)$`),
];

/** "tell me about OutlookGroup101", "show Marketing", "details of X", a bare group id. */
export const matchShowGroup: Matcher = (u) => {
  if (GUID.test(u.text)) return makeIntent('showGroup', { groups: [u.text.replace(/^[{(]|[})]$/g, '')] });
  for (const re of SHOW_GROUP) {
    const c = capture(u, re);
    if (!c || c.g === undefined) continue;
    const groups = groupsSlot(c.g);
    if (groups === undefined || OUT_OF_DOMAIN.test(cleanEdges(c.g))) return undefined;
    return makeIntent('showGroup', { groups });
  }
  return undefined;
};
