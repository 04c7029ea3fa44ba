/**
 * Reading a chat message as text: sentences and clauses, greetings, courtesy and sign-offs, the tails people
 * add after a request ("…, she starts Monday", "asap", "as well"), and the people and groups a message names
 * (for pronouns: "Adele starts Monday. Please add her to Legal"). Pure string work, no directory.
 */
import { maskQuotes } from './quote-mask';
import { findRuleStart } from './rule-detect';

/** Removes parenthetical remarks ("Megan (my manager)"), keeping brackets that hold an address or a rule. */
export function dropParentheticals(text: string): string {
  if (findRuleStart(text) >= 0) return text;
  const masked = maskQuotes(text);
  let out = '';
  let last = 0;
  const re = /\s*\(([^()\n]*)\)/g;
  for (let m = re.exec(masked); m; m = re.exec(masked)) {
    if (/[@\uE000]/.test(m[1] ?? '')) continue;
    out += text.slice(last, m.index);
    last = m.index + m[0].length;
  }
  return last === 0 ? text : (out + text.slice(last)).trim();
}

/** A line that ends mid-sentence (a comma, "to", "and"): the next line continues it. */
const CONTINUED = /(?:[,&:]|\b(?:to|from|in|into|of|and|or|as|for|with|add|remove))\s*$/i;

/** Splits on sentence ends (". ", "? ", "! ") and line breaks, outside quotes. Empty pieces are dropped. */
export function splitSentences(text: string): string[] {
  const masked = maskQuotes(text);
  const out: string[] = [];
  let start = 0;
  const re = /(?<=[.!?…])\s+(?=\S)|\s*\n\s*/g;
  for (let m = re.exec(masked); m; m = re.exec(masked)) {
    if (m[0].includes('\n') && CONTINUED.test(masked.slice(start, m.index))) continue;
    out.push(text.slice(start, m.index));
    start = m.index + m[0].length;
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

const OP_VERB = String.raw`(?:add|remove|put|make|take|kick|delete|restore|rename|give|grant|let|get|drop|throw|create|set|show|list|who|what|which|is|are|does|undo|bring|assign|invite|include|promote|swap)`;

/**
 * Splits one sentence into clauses where a new request or a remark starts: "…, please remove him from X",
 * "…, take him out", "…, she starts Monday", "…; remove Liam from Sales", "… and remove her from Marketing",
 * "…, then make her an owner". Returns the clauses in order, each with how it was joined to the previous one.
 */
export type Joint = 'start' | 'comma' | 'and' | 'then' | 'semicolon' | 'remark';

export function splitClauses(sentence: string): Array<{ text: string; joint: Joint }> {
  const masked = maskQuotes(sentence);
  const re = new RegExp(
    [
      String.raw`(?<semicolon>\s*;\s*(?=${OP_VERB}\b))`,
      String.raw`(?<then>,?\s+(?:and\s+)?then\s+|,\s*(?:and\s+)?also\s+(?=${OP_VERB}\b))`,
      String.raw`(?<and>,?\s+(?:and|&)\s+(?:also\s+)?(?=(?:add|remove|put|make|take|kick|delete|restore|rename|give|grant|drop|throw|who|create|set|assign)\b))`,
      String.raw`(?<comma>,\s*(?=(?:please|pls|can\s+(?:you|u)|could\s+(?:you|u)|would\s+you|will\s+you|take|add|remove|put|kick|get|drop|throw|who\s+(?:is|are|['’]s)\s+(?:in|on)|who\s+owns)\b))`,
      String.raw`(?<remark>,\s*(?=(?:she|he|they|i|we|his|her|their|it|this|the|our|my|no\s+rush|much\s+appreciated|appreciate|his|as\s+(?:she|he|they)|since|who|which)\b)|\s+[-–—]\s+(?=(?:she|he|they|i|we|his|her|their|it|this|the)\b)|\s*(?:\.\.\.|…)\s*)`,
    ].join('|'),
    'gi',
  );
  const out: Array<{ text: string; joint: Joint }> = [];
  let start = 0;
  let joint: Joint = 'start';
  for (let m = re.exec(masked); m; m = re.exec(masked)) {
    if (m[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    const kind = (Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0] ?? 'comma') as Joint;
    out.push({ text: sentence.slice(start, m.index).trim(), joint });
    start = m.index + m[0].length;
    joint = kind;
  }
  out.push({ text: sentence.slice(start).trim(), joint });
  return out.filter((c) => c.text.length > 0);
}

const GREETING = String.raw`(?:hi|hello|hey|hiya|yo|howdy|greetings|dear\s+\S+|good\s+(?:morning|afternoon|evening|day)|morning|afternoon|evening)`;
const CHATTER = new RegExp(
  String.raw`^(?:${GREETING}(?:\s+(?:again|there|team|all|everyone|folks|group\s*bot|bot|team\s+bot))*|(?:many\s+)?thanks?(?:\s+(?:a\s+lot|so\s+much|in\s+advance|again))?(?:,?\s+\S+)?|thank\s+you(?:\s+(?:so|very)\s+much)?(?:,?\s+\S+)?|cheers(?:,?\s+\S+)?|ta|best(?:\s+(?:regards|wishes))?(?:,?\s+\S+)?|(?:kind|warm|many)\s+regards(?:,?\s+\S+)?|regards(?:,?\s+\S+)?|br(?:,?\s+\S+)?|\S+\s+here|appreciate\s+it|much\s+appreciated|sorry\s+for\s+the\s+(?:trouble|bother|hassle)|sorry\s+to\s+bother\s+you|quick\s+(?:one|question|request|favou?r)|hope\s+you(?:['’]re|\s+are)\s+well|have\s+a\s+(?:nice|good|great)\s+(?:day|one|weekend))[\s,.!:;]*$`,
  'iu',
);
const SIGNATURE = /^[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+)?[.!]?$/u;

/** True for a sentence that only greets, thanks or signs off ("Thanks,", "Best, Lee", "Megan here"). */
export function isChatter(sentence: string, position: number, count: number): boolean {
  const t = sentence.replace(/[\p{Extended_Pictographic}\uFE0F]/gu, '').trim();
  if (t.length === 0) return true;
  if (CHATTER.test(t)) return true;
  return position > 0 && position === count - 1 && SIGNATURE.test(t);
}

const ASKING =
  /^(?:please|pls|plz|kindly|can|could|would|will|may|also|now|then|and|plus|add|remove|put|make|take|kick|delete|restore|rename|create|set|give|grant|get|let|show|list|tell|who|what|which|whose|where|when|why|how|is|are|am|does|do|has|have|undo|bring|assign|invite|include|swap|you\s+(?:can|could|may|should)|i\s+(?:need|want|would\s+like|['’]d\s+like)|i['’]d\s+like)\b/i;

/** True for a sentence that asks for something (a question or a request), not one that tells context. */
export function isAsking(sentence: string): boolean {
  return /\?\s*$/.test(sentence) || ASKING.test(sentence.replace(/^[\s\p{P}\p{Extended_Pictographic}]+/u, ''));
}

/** True for a request that continues the previous one ("Also add Pradeep to …", "Then remove …"). */
export function continuesRequest(sentence: string): boolean {
  return /^(?:also|then|and|plus|next|after\s+that|(?:please\s+)?(?:add|remove|put|make|take|kick|delete|restore|rename|give|drop))\b/i.test(
    sentence.trim(),
  );
}

const TAIL = new RegExp(
  String.raw`\s+(?:as\s+well|too|also|asap|a\.s\.a\.p\.?|if\s+(?:you\s+(?:can|could|don['’]t\s+mind)|possible)|when\s+you\s+(?:can|get\s+a\s+(?:chance|minute|moment|sec(?:ond)?)|have\s+a\s+(?:chance|minute|moment|sec(?:ond)?))|by\s+(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|week|month)|by\s+eod|by\s+(?:today|tomorrow|monday|tuesday|wednesday|thursday|friday)|for\s+now|right\s+now|right\s+away|now|then|anymore|any\s+more|instead|today|tomorrow|yet|(?:this|next|last)\s+(?:week|month|quarter|year)|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|at\s+the\s+end\s+of\s+(?:the\s+)?\w+|from\s+(?:monday|tomorrow|today|next\s+week)|please|pls|plz|thx|ty|thanks|thank\s+you|cheers|for\s+me|no\s+rush|for\s+the\s+(?:pilot|audit|project|launch|migration|quarter|week|month|time\s+being)|once\s+more|again|right|ok)$`,
  'i',
);

/** Cuts what people write after a group's name: remarks, time words, courtesy ("Legal, she starts Monday"). */
export function cutTail(phrase: string): string {
  let t = phrase;
  for (let guard = 0; guard < 8; guard += 1) {
    const before = t;
    t = t
      .replace(/\s*[?!]+(?:\s[\s\S]*)?$/, '')
      .replace(/\s*(?:\.\.\.|…)[\s\S]*$/, '')
      .replace(/\s+[-–—]\s+(?=(?:she|he|they|i|we|his|her|their|it|this|the)\b)[\s\S]*$/i, '')
      .replace(
        /,\s*(?=(?:she|he|they|i|we|his|her|their|its|it|this|that|the|our|my|no|much|appreciate|thanks|thank|cheers|please|pls|as|if|when|by|for|since|because|who|which)\b)[\s\S]*$/i,
        '',
      )
      .replace(/\s+(?:she|he|they|i)['’](?:s|re|ll|d|m)\b[\s\S]*$/i, '')
      .replace(
        /\s+(?:(?:pls|please|plz|thx|thanks)\s+)?(?:she|he|they|we)\s+(?:is|was|has|had|have|moved|starts?|started|left|leaves|needs?|will|does|did|can|just|now|also|joined|works?)\b[\s\S]*$/i,
        '',
      )
      .replace(/\s+(?:besides|except(?:\s+for)?|other\s+than|apart\s+from)\s+[\s\S]*$/i, '')
      .replace(/[\s,.;:!]+$/, '')
      .replace(TAIL, '');
    if (t === before) break;
  }
  return t.trim();
}

const STOP_WORDS = new Set([
  'I',
  'We',
  'You',
  'He',
  'She',
  'They',
  'It',
  'The',
  'A',
  'An',
  'This',
  'That',
  'Please',
  'Hi',
  'Hello',
  'Hey',
  'Thanks',
  'Thank',
  'Can',
  'Could',
  'Would',
  'Will',
  'Quick',
  'Sorry',
  'Good',
  'Morning',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'Also',
  'Then',
  'Now',
  'Our',
  'My',
  'Is',
  'Are',
  'Why',
  'Who',
  'What',
  'Which',
  'Add',
  'Remove',
  'Make',
  'Take',
  'Dear',
  'Best',
  'Regards',
  'Cheers',
  'Team',
  'Bot',
  'GroupBot',
  'Groupbot',
  'Teams',
  'Q1',
  'Q2',
  'Q3',
  'Q4',
  'OK',
  'Ok',
  'Yes',
  'No',
  'Hope',
  'Just',
  'So',
  'But',
]);
const GROUP_CONTEXT =
  /(?:\b(?:to|in|into|from|for|of|on|at|leaving|joined|join|joining|owns|own|manage|manages|called|named)\s+(?:the\s+)?)$/i;
const GROUPISH =
  /\b(?:sales|marketing|legal|finance|hr|it|engineering|operations|design|team|group|admins?|users|readers|employees|staff|all|core|services|squad|project|leadership|news|alerts|platform|development|research|department|office)\b/i;

/** A name a message mentions, with where it starts and whether it reads as a group. */
export interface NamedThing {
  text: string;
  index: number;
  group: boolean;
}

/**
 * Capitalised runs in a sentence ("Adele Vance", "Research and Development", "Raul's" → "Raul"), each marked
 * as a group when it follows a preposition that takes a group or has group words. Greetings, weekdays and
 * sentence words are skipped.
 */
export function namedThings(sentence: string): NamedThing[] {
  const out: NamedThing[] = [];
  const re = /[\p{Lu}][\p{L}\p{N}'’.-]*(?:\s+(?:(?:and|of|&)\s+)?[\p{Lu}\p{N}][\p{L}\p{N}'’.-]*)*/gu;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    let words = m[0]
      .replace(/['’]s$/, '')
      .replace(/\.$/, '')
      .split(/\s+/);
    while (words.length > 0 && STOP_WORDS.has(words[0] as string)) words = words.slice(1);
    if (words.length === 0) continue;
    const text = words.join(' ').replace(/['’]s$/, '');
    const index = m.index + m[0].indexOf(words[0] as string);
    const before = sentence.slice(0, index);
    out.push({ text, index, group: GROUP_CONTEXT.test(before) || GROUPISH.test(text) });
  }
  return out;
}

/** Person pronouns that stand for someone named elsewhere in the message. */
export const PERSON_PRONOUN = /\b(?:she|he|they|him|her|them)\b/gi;
/** Group references that stand for a group named elsewhere ("add her to it", "that group"). */
export const GROUP_PRONOUN =
  /\b(to|into|in|of|from|on|for|restore|undelete|recover|rename|delete)\s+(?:it|that\s+(?:group|team|one)|this\s+(?:group|team|one)|the\s+same\s+(?:group|team|one))\b/gi;
