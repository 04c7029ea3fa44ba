/**
 * Normalisation of chat text before intent matching: Teams markup and entities, mentions of the bot,
 * whitespace, leading politeness and trailing courtesy or punctuation. Case and the user's words are kept;
 * matching is case-insensitive.
 */

import { readEmail } from './email-text';
import { readTicket } from './ticket-text';

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#39': "'",
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201C',
  rdquo: '\u201D',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
};

const BOT_NAME = /^\s*(?:@?\s*)?(?:group\s*bot|bot)\s*$/i;

/** Removes the bot's `<at>` mentions (a leading one, or one naming the bot) and unwraps mentions of people. */
function stripMentions(text: string): string {
  let out = text.replace(/^\s*(?:<p>\s*)?<at\b[^>]*>[^<]*<\/at>/i, (m) =>
    m.toLowerCase().includes('<p>') ? '<p>' : '',
  );
  out = out.replace(/<at\b[^>]*>([^<]*)<\/at>/gi, (_m, inner: string) =>
    BOT_NAME.test(decodeEntities(inner)) ? ' ' : inner,
  );
  return out;
}

/** Decodes the HTML entities Teams sends (named ones above, decimal and hex). */
function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]+\d*);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Turns block tags into newlines, drops other tags (only real tag shapes: `<ana@contoso.com>` survives). */
function stripTags(text: string): string {
  return text
    .replace(/<\s*br\s*\/?\s*>/gi, '\n')
    .replace(/<\/?\s*(?:p|div|li|ul|ol|tr|h[1-6]|blockquote)\b[^<>]*>/gi, '\n')
    .replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi, '');
}

/** Collapses spaces inside lines, trims lines, drops empty ones, removes zero-width characters. */
function tidyWhitespace(text: string): string {
  return text
    .replace(/[\u200B\u2060\uFEFF]/g, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\s\u00A0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

const LEADING: RegExp[] = [
  /^[\p{Extended_Pictographic}\uFE0F]+\s*/u,
  /^(?:hey|hi|hello|hiya|yo|ok|okay|alright|so|um+|uh+|dear|good (?:morning|afternoon|evening))\b[\s,!.:;-]*(?:there\b[\s,!.:;-]*)?/i,
  /^@?\s*(?:group\s*bot|bot)\b[\s,!.:;-]*/i,
  // "everyone, …" greets; "everyone in Sales …" is what the request is about.
  /^(?:again|there|team(?:\s*bot)?|all|everyone|folks)\b(?!\s+(?:in|from|of|on|at|who|that|whose)\b)[\s,!.:;–—-]+/i,
  // A message addressed to a desk: "Hello helpdesk, …", "To the service desk: …".
  /^(?:to\s+)?(?:the\s+)?(?:help\s*desk|service\s*desk|it\s+(?:team|support|desk)|support(?:\s+team)?|admin\s+team)\s*[,:;–—-]+\s*/i,
  /^(?:dear\s+(?:group\s*bot|bot|team)|morning|afternoon|evening|greetings)\b[\s,!.:;-]*/i,
  /^(?:sorry\s+to\s+(?:bother|trouble)\s+you|quick\s+(?:one|question|request|favou?r|ask)|one\s+more\s+thing|i\s+think|i\s+believe|i\s+guess|(?:also|and|plus|next|after\s+that)(?=\s+\S))\b[\s,!.:;-]*/i,
  /^(?:[\p{L}'’-]+\s+){0,2}(?:asked|wants|told)\s+me\s+to\s+(?=\S)/iu,
  /^(?:please|pls|plz|kindly|quickly|just|now)\b[\s,!.:;-]*/i,
  /^(?:you|u)\s+(?:can|could|may|should)\s+(?:please\s+)?(?=\S)/i,
  /^(?:could|can|would|will)\s+(?:you|u)\b(?:\s+(?:please|pls|kindly))?[\s,]*/i,
  /^(?:i['’]d|i would|i|we['’]d|we would|we) (?:like|love|want|need)(?: you)? to\s+(?!know\b)/i,
  /^(?:i|we) wanna\s+/i,
  /^(?:let['’]?s|go ahead and|is it possible to|help me(?: to)?|i['’]d appreciate it if you(?: could)?)\s+/i,
  /^(?:(?:i['’]d|i would) like to know|(?:i|we) (?:want|need) to know|let me know|i wonder|i['’]m wondering|do you know|(?:tell|show|give) me)\s+(?=(?:who|what|which|how|why|whether|if|is|are|does|do)\b)/i,
];

const TRAILING: RegExp[] = [
  /[\s,;:.!?…]+$/,
  /(?:^|[\s,;]+)(?:please|pls|plz|thanks|thank you|please and thank you|please and thanks|thanks so much|thank you so much|thank you very much|thanks a lot|many thanks|thx|ty|cheers|ta|for me|asap|right now|now|thanks in advance|tia|if you can|if possible)$/i,
  /\s*(?::-?\)|:-?D|;-?\)|\p{Extended_Pictographic}\uFE0F?)+$/u,
  // A sign-off after the last sentence: ". Many thanks, HR team", "? Thanks, Sam from Legal".
  /(?<=[.!?])\s+(?:(?:many\s+)?thanks|thank\s+you|cheers|best|(?:kind\s+|warm\s+)?regards)\b(?:\s+(?:a\s+lot|so\s+much|in\s+advance|again))?[\s,!.]*(?![^\n.?!]*\b(?:add|remove|put|make|create|delete|give|take|kick|also|and\s+(?:add|remove))\b)[^\n.?!]{0,40}$/iu,
];

function stripRepeated(text: string, patterns: RegExp[], leading: boolean): string {
  let current = text;
  for (let guard = 0; guard < 12; guard += 1) {
    let changed = false;
    for (const re of patterns) {
      const next = current.replace(re, '');
      if (next !== current && next.trim().length > 0) {
        current = leading ? next.trimStart() : next.trimEnd();
        changed = true;
      }
    }
    if (!changed) break;
  }
  return current;
}

/** Chat shorthand word → what it stands for (whole words only, outside names: lowercase as typed). */
const SHORTHAND: Record<string, string> = {
  u: 'you',
  r: 'are',
  ur: 'your',
  mbr: 'member',
  mbrs: 'members',
  chk: 'check',
  lmk: 'tell me',
  pls: 'please',
  plz: 'please',
  rn: 'right now',
  btw: '',
  fyi: '',
  wot: 'what',
  wat: 'what',
  wht: 'what',
  grp: 'group',
  grps: 'groups',
  ppl: 'people',
  abt: 'about',
  cud: 'could',
  cn: 'can',
  gimme: 'give me',
  wanna: 'want to',
  rmv: 'remove',
  frm: 'from',
  shd: 'should',
  shld: 'should',
  cld: 'could',
  wud: 'would',
  thru: 'through',
  bc: 'because',
  mgr: 'manager',
};

/**
 * Chat shorthand read as words: "u", "r", "mbrs", "chk", "lmk" ("lmk who owns X" → "tell me who owns X"), "wot
 * grps" → "what groups", "rmv bob frm legal", "sales n marketing", "shd lee b in", a "2" or
 * "4" between words ("add me 2 design" → "to", "approvals 4 me" → "for"), "+" between names ("christie+debra" →
 * "christie and debra"). Lowercase words only: a capitalised "U" or "R" may be a name. Never throws.
 */
export function expandShorthand(text: string): string {
  return (
    text
      .replace(
        /\b(u|r|ur|mbrs?|chk|lmk|pls|plz|rn|btw|fyi|wot|wat|wht|grps?|ppl|abt|cud|cn|gimme|wanna|rmv|frm|shd|shld|cld|wud|thru|bc|mgr)\b(?![@.'’]\w)/g,
        (_m, w: string) => SHORTHAND[w] ?? w,
      )
      .replace(
        /(?<=\p{L}\s)2(?=\s+\p{L})(?!\s+(?:weeks?|days?|months?|hours?|years?|min(?:ute)?s?|more|of|people|groups?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b)/giu,
        'to',
      )
      .replace(
        /(?<=\p{L}\s)4(?=\s+\p{L})(?!\s+(?:weeks?|days?|months?|hours?|years?|min(?:ute)?s?|more|of|people|groups?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b)/giu,
        'for',
      )
      .replace(/(?<=\p{Ll})\+(?=\p{Ll})/gu, ' and ')
      // "sales n marketing" → and; "shd lee b in design" → be (lowercase, between words only).
      .replace(/(?<=\p{Ll}\s)n(?=\s+\p{Ll})/gu, 'and')
      .replace(/(?<=\p{Ll}\s)b(?=\s+(?:in|on|added|removed|an?|the|owner|member|able)\b)/gu, 'be')
      .replace(/\s+y\/n\s*\??$/i, '?')
      .replace(/ {2,}/g, ' ')
      .replace(/ +$/gm, '')
  );
}

/** Removes leading politeness and trailing courtesy or punctuation from one sentence or clause. Never throws. */
export function stripCourtesy(text: string): string {
  return stripRepeated(stripRepeated(text.trim(), LEADING, true), TRAILING, false).trim();
}

/** Teams markup only: mentions, tags, entities and whitespace, the words left as they are. Never throws. */
export function normalizeMarkup(raw: string): string {
  return tidyWhitespace(decodeEntities(stripTags(stripMentions(raw))).normalize('NFC')).trim();
}

/**
 * Cleans Teams text for matching: mentions, tags, entities, whitespace, politeness and trailing punctuation.
 * Keeps the case, quotes, apostrophes and line breaks of the user's words. Never throws.
 */
export function normalizeUtterance(raw: string): string {
  let text = stripMentions(raw);
  text = stripTags(text);
  text = decodeEntities(text).normalize('NFC');
  text = expandShorthand(readTicket(readEmail(tidyWhitespace(text))));
  text = stripRepeated(text, LEADING, true);
  text = stripRepeated(text, TRAILING, false);
  return text.trim();
}
