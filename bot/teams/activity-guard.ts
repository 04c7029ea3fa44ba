/**
 * Checks an incoming Bot Framework activity before it reaches the adapter, so malformed input gets a 400 with a
 * short reason instead of a 500 from deep inside botbuilder, and so that nothing later (storage, logs, the
 * connector client) meets a value of the wrong type, a control character in an id, or a string PostgreSQL cannot
 * store. Pure.
 *
 * The fields are checked by a table of rules (./field-rules.ts), not a schema library: this runs on every turn,
 * and zod (3 or 4) cost a turn about 0.1 ms here (bench/bot-turn.ts).
 */
import { checkFields, type FieldProblem, type FieldRule, type FieldRules } from './field-rules';

/** No C0 control character or DEL: ids go into URLs, storage keys and logs. */
const ID_CHARS = /^[^\u0000-\u001f\u007f]+$/;
const NO_CONTROLS = [(s: string) => ID_CHARS.test(s), 'must not contain control characters'] as const;

// Every field is optional unless `required`: JSON null (which the Bot Framework schema allows, and .NET channels
// send) is taken as absent, so nothing later meets a null where botbuilder and groupbot expect a value or nothing.
const id = (max: number, required?: true): FieldRule => ({
  kind: 'string',
  min: 1,
  max,
  tests: [NO_CONTROLS],
  ...(required ? { required } : {}),
});
const text = (max: number): FieldRule => ({ kind: 'string', max });
const named = (pattern: RegExp, what: string): readonly [(s: string) => boolean, string] => [
  (s) => pattern.test(s),
  what,
];

const account: FieldRule = {
  kind: 'object',
  fields: {
    id: id(512, true),
    name: text(512),
    aadObjectId: { kind: 'string', max: 128, tests: [NO_CONTROLS] },
    role: text(64),
  },
};

const conversation: FieldRule = {
  kind: 'object',
  required: true,
  fields: {
    id: id(1024, true),
    name: text(512),
    conversationType: text(64),
    tenantId: text(128),
    isGroup: { kind: 'boolean' },
  },
};

const anyObject: FieldRule = { kind: 'object', required: true };

/** A date-time string botbuilder can turn into a valid Date. */
const dateTime: FieldRule = {
  kind: 'string',
  max: 64,
  tests: [[(s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date-time']],
};

/**
 * The fields botbuilder, teams-ai and groupbot read, with the types they assume. Other fields pass through. Lists
 * are not capped: the body size limit (bot/server.ts) already bounds them, and Teams sends one conversationUpdate
 * with every member of a large team.
 */
const ACTIVITY_FIELDS: FieldRules = {
  type: {
    kind: 'string',
    required: true,
    min: 1,
    max: 64,
    tests: [named(/^[A-Za-z][A-Za-z/._-]*$/, 'must be an activity type name')],
  },
  id: id(256),
  channelId: {
    kind: 'string',
    required: true,
    min: 1,
    max: 64,
    tests: [named(/^[A-Za-z0-9._-]+$/, 'must be a channel name')],
  },
  serviceUrl: { kind: 'string', required: true, min: 1, max: 2048 },
  timestamp: dateTime,
  localTimestamp: dateTime,
  expiration: dateTime,
  localTimezone: text(128),
  locale: { kind: 'string', max: 64, tests: [named(/^[A-Za-z0-9_-]*$/, 'must be a language tag')] },
  conversation,
  from: { ...account, required: true },
  recipient: account,
  text: text(200_000),
  textFormat: text(32),
  name: text(256),
  // Teams sends "" on some first messages; that is "not a reply".
  replyToId: { ...id(512), emptyIsAbsent: true },
  value: { kind: 'any' },
  channelData: { kind: 'object' },
  entities: { kind: 'array', items: anyObject },
  attachments: {
    kind: 'array',
    items: { kind: 'object', required: true, fields: { contentType: { kind: 'string', required: true, max: 256 } } },
  },
  membersAdded: { kind: 'array', items: { ...account, required: true } },
  membersRemoved: { kind: 'array', items: { ...account, required: true } },
  action: text(64),
  deliveryMode: text(32),
};

/** Deepest nesting accepted anywhere in an activity (cards with inputs stay far below). */
const MAX_DEPTH = 32;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function storable(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/**
 * Walks every value without recursion: the nesting depth, and every string (keys too) must be well-formed
 * Unicode without NUL, which PostgreSQL cannot store in text or jsonb.
 */
function deepProblem(body: unknown): string | null {
  const stack: [unknown, number, string][] = [[body, 0, '']];
  while (stack.length) {
    const [value, depth, where] = stack.pop() as [unknown, number, string];
    if (depth > MAX_DEPTH) return `The activity is nested more than ${MAX_DEPTH} levels deep.`;
    if (typeof value === 'string') {
      if (!storable(value)) return `The activity's '${where || 'body'}' contains a NUL or an unpaired surrogate.`;
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (!storable(k)) return 'The activity has a field name with a NUL or an unpaired surrogate.';
        stack.push([v, depth + 1, where ? `${where}.${k}` : k]);
      }
    }
  }
  return null;
}

/** One short sentence for the first problem, naming the field. */
function problemText(problem: FieldProblem): string {
  const field = problem.path.slice(0, 80) || 'body';
  if (problem.kind === 'missing') return `The activity needs '${field}'.`;
  if (problem.kind === 'type')
    return `The activity's '${field}' must be a ${problem.expected}, not ${problem.received}.`;
  return `The activity's '${field}' is not valid: ${problem.message ?? 'not accepted'}.`;
}

/** An activity that passed the checks (null in optional fields turned into absent), or why it did not. */
export type ActivityCheck = { ok: true; activity: Record<string, unknown> } | { ok: false; problem: string };

/**
 * Checks `body` as an activity groupbot accepts. On success, `activity` is a copy whose checked optional fields
 * that were JSON null are absent (other fields, and everything inside `value` and `channelData`, as sent). On
 * failure, `problem` is one short sentence naming the field. Never throws.
 */
export function checkActivity(body: unknown): ActivityCheck {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return { ok: false, problem: 'The request body must be a JSON activity object.' };
  const deep = deepProblem(body);
  if (deep) return { ok: false, problem: deep };
  const checked = checkFields(body as Record<string, unknown>, ACTIVITY_FIELDS);
  return checked.ok ? { ok: true, activity: checked.value } : { ok: false, problem: problemText(checked.problem) };
}

/**
 * Returns why `body` is not an activity groupbot accepts (one short sentence naming the field), or null when it
 * is one. Never throws.
 */
export function activityProblem(body: unknown): string | null {
  const checked = checkActivity(body);
  return checked.ok ? null : checked.problem;
}

/**
 * Production: any https connector without credentials in the URL. There is no host list: Teams uses hosts beyond
 * smba.trafficmanager.net (canary.botapi.skype.com, the GCC High, DoD and 21Vianet connectors), and what binds
 * the serviceUrl is the channel's JWT, whose `serviceurl` claim botframework-connector requires to equal
 * activity.serviceUrl before any turn runs (node_modules/botframework-connector/lib/auth/
 * parameterizedBotFrameworkAuthentication.js, governmentChannelValidation_ValidateIdentity: "ServiceUrl claim do
 * not match" → 401; CloudAdapter reaches it through ConfigurationBotFrameworkAuthentication). Pure.
 */
export function isProductionServiceUrl(url: URL): boolean {
  return url.protocol === 'https:' && !url.username && !url.password;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Local mode without an explicit list: http on a loopback host (the Playground, or a test's connector). Pure. */
export function isLoopbackServiceUrl(url: URL): boolean {
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    LOOPBACK.has(url.hostname) &&
    !url.username &&
    !url.password
  );
}

/** The path every terminal chat's own loopback connector lives under (bot/chat/bot-endpoint-chat.ts). */
export const TERMINAL_CONNECTOR_PATH = '/groupbot-terminal/';

/**
 * A terminal chat's connector (`groupbot chat` while `npm start` runs): http on a loopback host, under
 * TERMINAL_CONNECTOR_PATH. Only a caller that holds the local endpoint secret can make the bot answer there. Pure.
 */
export function isTerminalConnectorUrl(url: URL): boolean {
  return url.protocol === 'http:' && isLoopbackServiceUrl(url) && url.pathname.startsWith(TERMINAL_CONNECTOR_PATH);
}

/**
 * Builds the serviceUrl check for a list of allowed prefixes (such as the Playground's
 * `http://127.0.0.1:P/_connector`): a serviceUrl is allowed when it equals one or continues it after a '/'. Pure.
 */
export function serviceUrlPrefixes(prefixes: readonly string[]): (url: URL) => boolean {
  const clean = prefixes.map((p) => new URL(p).href.replace(/\/+$/, ''));
  return (url) => {
    const href = url.href.replace(/\/+$/, '');
    return clean.some((p) => href === p || href.startsWith(`${p}/`));
  };
}

/**
 * Returns why the activity's serviceUrl is refused, or null when `allowed` accepts it. Never throws.
 */
export function serviceUrlProblem(serviceUrl: string, allowed: (url: URL) => boolean): string | null {
  const url = URL.canParse(serviceUrl) ? new URL(serviceUrl) : undefined;
  if (!url) return "The activity's 'serviceUrl' is not a URL.";
  if (!allowed(url)) return "The activity's 'serviceUrl' is not a connector this bot answers.";
  return null;
}
