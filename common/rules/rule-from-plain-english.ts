/**
 * Turns simple requests ("everyone in the Marketing department", "people in Seattle whose title starts with
 * Director", "all guests") into a rule the user confirms. Deliberately narrow: anything it does not fully
 * understand gives null rather than a guess.
 */
import type { CompareOp, ExprNode, RuleValue } from './rule-ast';
import { checkRule } from './rule-compile';
import { printRule } from './rule-print';

export interface PlainEnglishHints {
  /** Known city values in the directory; "in X" means city when X is one of them. */
  cities?: readonly string[];
  /** Known department values in the directory; "in X" means department when X is one of them. */
  departments?: readonly string[];
}

interface Clause {
  property: string;
  op: CompareOp;
  values: (string | boolean | null)[];
}

const KNOWN_CITIES = [
  'Seattle',
  'Redmond',
  'Bellevue',
  'London',
  'Paris',
  'Berlin',
  'Munich',
  'Madrid',
  'Barcelona',
  'Rome',
  'Milan',
  'Amsterdam',
  'Dublin',
  'Lisbon',
  'Brussels',
  'Vienna',
  'Zurich',
  'Geneva',
  'Stockholm',
  'Oslo',
  'Copenhagen',
  'Helsinki',
  'Warsaw',
  'Prague',
  'Lagos',
  'Nairobi',
  'Cairo',
  'Johannesburg',
  'Cape Town',
  'Tokyo',
  'Osaka',
  'Seoul',
  'Beijing',
  'Shanghai',
  'Hong Kong',
  'Singapore',
  'Sydney',
  'Melbourne',
  'Auckland',
  'Mumbai',
  'Bangalore',
  'Bengaluru',
  'Delhi',
  'Hyderabad',
  'Dubai',
  'Tel Aviv',
  'Istanbul',
  'New York',
  'Boston',
  'Chicago',
  'Austin',
  'Dallas',
  'Houston',
  'Denver',
  'Atlanta',
  'Miami',
  'San Francisco',
  'Los Angeles',
  'San Diego',
  'Portland',
  'Toronto',
  'Vancouver',
  'Montreal',
  'Mexico City',
  'Sao Paulo',
  'São Paulo',
  'Buenos Aires',
  'Lyon',
  'Hamburg',
];
const KNOWN_COUNTRIES = [
  'United States',
  'USA',
  'US',
  'United Kingdom',
  'UK',
  'France',
  'Germany',
  'Spain',
  'Italy',
  'Netherlands',
  'Belgium',
  'Ireland',
  'Portugal',
  'Switzerland',
  'Austria',
  'Sweden',
  'Norway',
  'Denmark',
  'Finland',
  'Poland',
  'Canada',
  'Mexico',
  'Brazil',
  'Argentina',
  'India',
  'China',
  'Japan',
  'Korea',
  'Australia',
  'New Zealand',
  'Nigeria',
  'Kenya',
  'Egypt',
  'South Africa',
  'Israel',
  'Singapore',
];

const PROPERTY_WORDS: [RegExp, string][] = [
  [/^(?:job\s+)?title$/i, 'jobTitle'],
  [/^(?:department|dept)$/i, 'department'],
  [/^(?:city|town)$/i, 'city'],
  [/^country$/i, 'country'],
  [/^(?:state|province|region)$/i, 'state'],
  [/^company(?:\s+name)?$/i, 'companyName'],
  [/^office(?:\s+location)?$/i, 'physicalDeliveryOfficeName'],
  [/^(?:e-?mail|mail)(?:\s+address)?$/i, 'mail'],
  [/^(?:upn|user\s*principal\s*name|user\s*name|sign-?in\s+name)$/i, 'userPrincipalName'],
  [/^(?:display\s+)?name$/i, 'displayName'],
  [/^(?:first|given)\s+name$/i, 'givenName'],
  [/^(?:last|family)\s+name|surname$/i, 'surname'],
  [/^employee\s+id$/i, 'employeeId'],
  [/^(?:user\s+)?type$/i, 'userType'],
  [/^usage\s+location$/i, 'usageLocation'],
  [/^(?:postal|zip)(?:\s+code)?$/i, 'postalCode'],
  [/^(?:mobile|mobile\s+phone|cell\s+phone)$/i, 'mobile'],
  [/^(?:preferred\s+)?language$/i, 'preferredLanguage'],
];

const PROPERTY_PATTERN =
  '(job\\s+title|title|department|dept|city|town|country|state|province|region|company(?:\\s+name)?|office(?:\\s+location)?|e-?mail(?:\\s+address)?|mail(?:\\s+address)?|upn|user\\s*principal\\s*name|user\\s*name|sign-?in\\s+name|display\\s+name|name|first\\s+name|given\\s+name|last\\s+name|family\\s+name|surname|employee\\s+id|user\\s+type|type|usage\\s+location|postal\\s+code|zip(?:\\s+code)?|mobile(?:\\s+phone)?|cell\\s+phone|preferred\\s+language|language|extension\\s+attribute\\s*\\d{1,2})';
const VERB_PATTERN =
  "(is\\s+not|isn't|is\\s+not\\s+equal\\s+to|does\\s+not\\s+start\\s+with|doesn't\\s+start\\s+with|does\\s+not\\s+contain|doesn't\\s+contain|starts\\s+with|starting\\s+with|begins\\s+with|beginning\\s+with|ends\\s+with|ending\\s+with|contains|containing|includes|including|is\\s+one\\s+of|is\\s+equal\\s+to|equals|is|of|=)";
const STOP =
  '(?=\\s+(?:in|whose|who|with|where|and|from|based|located|excluding|except|but|titled|that|having)\\b|\\s*[,(]|\\s*$)';
const VALUE = `("[^"]+"|.+?)${STOP}`;
/** A value followed by a noun ("Marketing department"): may contain "and", never another clause. */
const NAMED = '("[^"]+"|(?:(?!\\s(?:in|whose|who|with|where|from|based|located|at)\\s).)+?)';

const VERBS: Record<string, CompareOp> = {
  'is not': 'ne',
  "isn't": 'ne',
  'is not equal to': 'ne',
  'does not start with': 'notStartsWith',
  "doesn't start with": 'notStartsWith',
  'does not contain': 'notContains',
  "doesn't contain": 'notContains',
  'starts with': 'startsWith',
  'starting with': 'startsWith',
  'begins with': 'startsWith',
  'beginning with': 'startsWith',
  'ends with': 'endsWith',
  'ending with': 'endsWith',
  contains: 'contains',
  containing: 'contains',
  includes: 'contains',
  including: 'contains',
  'is one of': 'eq',
  'is equal to': 'eq',
  equals: 'eq',
  is: 'eq',
  of: 'eq',
  '=': 'eq',
};

function propertyFor(words: string): string | undefined {
  const w = words.replace(/\s+/g, ' ').trim();
  const ext = /^extension\s+attribute\s*(\d{1,2})$/i.exec(w);
  if (ext) {
    const n = Number(ext[1]);
    return n >= 1 && n <= 15 ? `extensionAttribute${n}` : undefined;
  }
  return PROPERTY_WORDS.find(([re]) => re.test(w))?.[1];
}

function unquote(v: string): string {
  const t = v.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t.replace(/^the\s+/i, '');
}

function splitValues(v: string): string[] {
  return v
    .split(/\s+or\s+/i)
    .map(unquote)
    .filter((s) => s !== '');
}

function member(list: readonly string[] | undefined, v: string): boolean {
  return !!list && list.some((x) => x.toLowerCase() === v.toLowerCase());
}

const SUBJECTS: [RegExp, Clause[]][] = [
  [
    /^(?:all\s+|every\s+|only\s+)?(?:the\s+)?(?:guests?|guest\s+users|external\s+users|b2b\s+guests)(?:\s+only)?\b/i,
    [{ property: 'userType', op: 'eq', values: ['Guest'] }],
  ],
  [/^(?:all\s+|only\s+)?(?:the\s+)?members(?:\s+only)?\b/i, [{ property: 'userType', op: 'eq', values: ['Member'] }]],
  [
    /^(?:all\s+)?(?:the\s+)?(?:enabled|active)\s+(?:users|accounts|people|employees)\b/i,
    [{ property: 'accountEnabled', op: 'eq', values: [true] }],
  ],
  [
    /^(?:all\s+)?(?:the\s+)?disabled\s+(?:users|accounts|people|employees)\b/i,
    [{ property: 'accountEnabled', op: 'eq', values: [false] }],
  ],
  [
    /^(?:everyone|everybody|anyone|anybody|all(?:\s+the)?(?:\s+(?:users|people|employees|staff|accounts|persons))?|(?:the\s+)?(?:users|people|employees|staff|persons|colleagues))\b/i,
    [],
  ],
];

/** Parses the clauses after the subject; null when some text is not understood. */
function parseClauses(input: string, hints: PlainEnglishHints, clauses: Clause[]): boolean {
  let rest = input.trim();
  const add = (property: string, op: CompareOp, values: (string | boolean | null)[]): void => {
    clauses.push({ property, op, values });
  };
  const locate = (value: string, preferCity: boolean): void => {
    const values = splitValues(value);
    const first = values[0] ?? '';
    if (member(hints.departments, first)) add('department', 'eq', values);
    else if (member(hints.cities, first) || member(KNOWN_CITIES, first)) add('city', 'eq', values);
    else if (member(KNOWN_COUNTRIES, first)) add('country', 'eq', values);
    else if (preferCity || clauses.some((c) => c.property === 'department')) add('city', 'eq', values);
    else add('department', 'eq', values);
  };
  const matchers: [RegExp, (m: RegExpExecArray) => void][] = [
    [
      /^\(?\s*(?:no|excluding|except|but\s+not|not|without)\s+(?:any\s+)?guests\s*\)?/i,
      () => add('userType', 'eq', ['Member']),
    ],
    [/^(?:are\s+)?not\s+guests\b/i, () => add('userType', 'eq', ['Member'])],
    [/^(?:are\s+)?guests(?:\s+only)?\b/i, () => add('userType', 'eq', ['Guest'])],
    [
      /^(?:are\s+)?(?:enabled|active)\b|^with\s+(?:enabled|active)\s+accounts?\b/i,
      () => add('accountEnabled', 'eq', [true]),
    ],
    [
      new RegExp(`^(?:in|of|from)\\s+(?:the\\s+)?${NAMED}\\s+(?:department|dept|team|division)\\b`, 'i'),
      (m) => add('department', 'eq', splitValues(m[1] ?? '')),
    ],
    [
      new RegExp(`^(?:in|of)\\s+(?:the\\s+)?department\\s+(?:of\\s+)?${VALUE}`, 'i'),
      (m) => add('department', 'eq', splitValues(m[1] ?? '')),
    ],
    [
      new RegExp(`^(?:in|at)\\s+(?:the\\s+)?${NAMED}\\s+office\\b`, 'i'),
      (m) => add('physicalDeliveryOfficeName', 'eq', splitValues(m[1] ?? '')),
    ],
    [
      new RegExp(`^(?:based|located|living|working|who\\s+live)\\s+in\\s+(?:the\\s+city\\s+of\\s+)?${VALUE}`, 'i'),
      (m) => locate(m[1] ?? '', true),
    ],
    [new RegExp(`^in\\s+the\\s+city\\s+of\\s+${VALUE}`, 'i'), (m) => add('city', 'eq', splitValues(m[1] ?? ''))],
    [new RegExp(`^(?:are\\s+)?(?:in|from)\\s+(?:the\\s+)?${VALUE}`, 'i'), (m) => locate(m[1] ?? '', false)],
    [
      new RegExp(`^(?:work|works|working)\\s+(?:in|for)\\s+(?:the\\s+)?${VALUE}`, 'i'),
      (m) => locate((m[1] ?? '').replace(/\s+(?:department|team)$/i, ''), false),
    ],
    [
      new RegExp(
        `^(?:whose|where|with\\s+(?:a|an|the)?|having\\s+(?:a|an|the)?)\\s*(?:their\\s+|the\\s+)?${PROPERTY_PATTERN}\\s+${VERB_PATTERN}\\s+${VALUE}`,
        'i',
      ),
      (m) => {
        const property = propertyFor(m[1] ?? '');
        const op = VERBS[(m[2] ?? '').toLowerCase().replace(/\s+/g, ' ')];
        if (!property || !op) throw new Error('unrecognised');
        const raw = (m[3] ?? '').trim();
        if (/^(?:empty|blank|not\s+set|missing|null)$/i.test(raw) && (op === 'eq' || op === 'ne')) {
          add(property, op, [null]);
          return;
        }
        add(property, op, splitValues(raw));
      },
    ],
    [
      new RegExp(`^(?:titled|with\\s+(?:the\\s+)?(?:job\\s+)?title)\\s+${VALUE}`, 'i'),
      (m) => add('jobTitle', 'eq', splitValues(m[1] ?? '')),
    ],
  ];
  for (let guard = 0; guard < 20; guard++) {
    rest = rest.replace(/^(?:\s*(?:,|&|\band\b|\bwho\b|\bthat\b|\bwhich\b|\bbut\b)\s*)+/i, '').trim();
    if (rest === '') return true;
    let matched = false;
    for (const [re, apply] of matchers) {
      const m = re.exec(rest);
      if (!m || m[0].trim() === '') continue;
      try {
        apply(m);
      } catch (err) {
        if (err instanceof Error && err.message === 'unrecognised') return false;
        throw err;
      }
      rest = rest.slice(m[0].length);
      matched = true;
      break;
    }
    if (!matched) return false;
  }
  return false;
}

function valueOf(v: string | boolean | null): RuleValue {
  if (v === null) return { kind: 'null' };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  return { kind: 'string', value: v };
}

function toNode(c: Clause): ExprNode {
  const subject = { kind: 'property' as const, name: `user.${c.property}` };
  if (c.values.length === 1) return { type: 'compare', subject, op: c.op, value: valueOf(c.values[0] ?? null) };
  if (c.op === 'eq' || c.op === 'ne') {
    return {
      type: 'compare',
      subject,
      op: c.op === 'eq' ? 'in' : 'notIn',
      value: { kind: 'array', items: c.values.map(valueOf) },
    };
  }
  const parts: ExprNode[] = c.values.map((v) => ({ type: 'compare', subject, op: c.op, value: valueOf(v) }));
  return c.op.startsWith('not') ? { type: 'and', operands: parts } : { type: 'or', operands: parts };
}

const OP_WORDS: Record<CompareOp, string> = {
  eq: 'is',
  ne: 'is not',
  startsWith: 'starts with',
  notStartsWith: 'does not start with',
  endsWith: 'ends with',
  notEndsWith: 'does not end with',
  contains: 'contains',
  notContains: 'does not contain',
  match: 'matches',
  notMatch: 'does not match',
  in: 'is one of',
  notIn: 'is none of',
  le: 'is on or before',
  ge: 'is on or after',
};

function describe(c: Clause): string {
  const name =
    c.property === 'jobTitle'
      ? 'job title'
      : c.property === 'physicalDeliveryOfficeName'
        ? 'office'
        : c.property.replace(/([a-z])([A-Z0-9])/g, '$1 $2').toLowerCase();
  if (c.values.length === 1 && c.values[0] === null) return `${name} ${c.op === 'eq' ? 'is empty' : 'is set'}`;
  const vals = c.values.map(String);
  const joined = vals.length > 1 ? `${vals.slice(0, -1).join(', ')} or ${vals[vals.length - 1]}` : (vals[0] ?? '');
  return `${name} ${OP_WORDS[c.op]} ${joined}`;
}

function summarise(clauses: readonly Clause[]): string {
  const type = clauses.find((c) => c.property === 'userType')?.values[0];
  const enabled = clauses.find((c) => c.property === 'accountEnabled')?.values[0];
  const attrs = clauses.filter((c) => c.property !== 'userType' && c.property !== 'accountEnabled').map(describe);
  let s = type === 'Guest' ? 'All guests' : type === 'Member' ? 'All members (no guests)' : 'Everyone';
  if (attrs.length > 0) s += ` whose ${attrs.join(' and ')}`;
  if (enabled !== undefined)
    s += `${attrs.length > 0 ? ',' : ''} with ${enabled === true ? 'an enabled' : 'a disabled'} account`;
  return s;
}

/**
 * Builds a rule from a simple plain-English request, with a one-line summary to confirm; null when the request is
 * not understood completely. Never throws.
 */
export function ruleFromPlainEnglish(
  text: string,
  hints: PlainEnglishHints = {},
): { rule: string; summary: string } | null {
  let s = text
    .trim()
    .replace(/[.!?]+$/, '')
    .replace(/\s+/g, ' ');
  s = s.replace(
    /^(?:please\s+)?(?:(?:create|make|build|set\s+up)\s+)?(?:me\s+)?(?:an?\s+)?(?:(?:dynamic\s+)?(?:security\s+|microsoft\s+365\s+|m365\s+)?group\s+(?:for|of|with|containing)\s+)?/i,
    '',
  );
  const clauses: Clause[] = [];
  let subjectFound = false;
  for (const [re, subjectClauses] of SUBJECTS) {
    const m = re.exec(s);
    if (!m) continue;
    clauses.push(...subjectClauses);
    s = s.slice(m[0].length);
    subjectFound = true;
    break;
  }
  if (!subjectFound) return null;
  if (!parseClauses(s, hints, clauses)) return null;
  const unique = clauses.filter((c, i) => clauses.findIndex((d) => JSON.stringify(d) === JSON.stringify(c)) === i);
  if (unique.some((c) => c.values.length === 0 || c.values.some((v) => v === ''))) return null;
  const userTypes = new Set(unique.filter((c) => c.property === 'userType').map((c) => c.values[0]));
  if (userTypes.size > 1) return null;
  let root: ExprNode;
  let summary: string;
  if (unique.length === 0) {
    root = { type: 'compare', subject: { kind: 'property', name: 'user.objectId' }, op: 'ne', value: { kind: 'null' } };
    summary = 'Everyone (members and guests)';
  } else {
    const nodes = unique.map(toNode);
    root =
      nodes.length === 1
        ? (nodes[0] as ExprNode)
        : { type: 'and', operands: nodes.flatMap((n) => (n.type === 'and' ? n.operands : [n])) };
    summary = summarise(unique);
  }
  const rule = printRule({ kind: 'expression', target: 'user', root });
  const check = checkRule(rule);
  return check.valid ? { rule: check.canonical, summary } : null;
}
