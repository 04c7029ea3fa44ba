/**
 * Checks an incoming Bot Framework activity before it reaches the adapter, so malformed input gets a 400 with a
 * short reason instead of a 500 from deep inside botbuilder, and so that nothing later (storage, logs, the
 * connector client) meets a value of the wrong type, a control character in an id, or a string PostgreSQL cannot
 * store. Pure.
 *
 * The schema is zod 4's (the `zod/v4` entry of the pinned zod package): it runs on every turn, and zod 4 checks an
 * activity several times faster than zod 3 (bench/bot-turn.ts).
 */
import { z } from 'zod/v4';

/** No C0 control character or DEL: ids go into URLs, storage keys and logs. */
const ID_CHARS = /^[^\u0000-\u001f\u007f]+$/;

/**
 * An optional field: JSON null (which the Bot Framework schema allows, and .NET channels send) is taken as
 * absent before the check, so nothing later meets a null where botbuilder and groupbot expect a value or nothing.
 */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === null ? undefined : v), schema.optional());
}

const id = (max: number) => z.string().min(1).max(max).regex(ID_CHARS, 'must not contain control characters');
const optionalText = (max: number) => optional(z.string().max(max));

const account = z.looseObject({
  id: id(512),
  name: optionalText(512),
  aadObjectId: optional(z.string().max(128).regex(ID_CHARS, 'must not contain control characters')),
  role: optionalText(64),
});

const conversation = z.looseObject({
  id: id(1024),
  name: optionalText(512),
  conversationType: optionalText(64),
  tenantId: optionalText(128),
  isGroup: optional(z.boolean()),
});

const anyObject = z.record(z.string(), z.unknown());

/** A date-time string botbuilder can turn into a valid Date. */
const dateTime = z
  .string()
  .max(64)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date-time');

/**
 * The fields botbuilder, teams-ai and groupbot read, with the types they assume. Other fields pass through. Lists
 * are not capped: the body size limit (bot/server.ts) already bounds them, and Teams sends one conversationUpdate
 * with every member of a large team.
 */
export const activitySchema = z.looseObject({
  type: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z][A-Za-z/._-]*$/, 'must be an activity type name'),
  id: optional(id(256)),
  channelId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/, 'must be a channel name'),
  serviceUrl: z.string().min(1).max(2048),
  timestamp: optional(dateTime),
  localTimestamp: optional(dateTime),
  expiration: optional(dateTime),
  localTimezone: optionalText(128),
  locale: optional(
    z
      .string()
      .max(64)
      .regex(/^[A-Za-z0-9_-]*$/, 'must be a language tag'),
  ),
  conversation,
  from: account,
  recipient: optional(account),
  text: optionalText(200_000),
  textFormat: optionalText(32),
  name: optionalText(256),
  // Teams sends "" on some first messages; that is "not a reply".
  replyToId: z.preprocess((v) => (v === null || v === '' ? undefined : v), id(512).optional()),
  value: optional(z.unknown()),
  channelData: optional(anyObject),
  entities: optional(z.array(anyObject)),
  attachments: optional(z.array(z.looseObject({ contentType: z.string().max(256) }))),
  membersAdded: optional(z.array(account)),
  membersRemoved: optional(z.array(account)),
  action: optionalText(64),
  deliveryMode: optionalText(32),
});

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

function pathOf(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join('.').slice(0, 80) || 'body';
}

/** What a value is, in the words of a type problem: 'null', 'array', or its typeof. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** An activity that passed the checks (null in optional fields turned into absent), or why it did not. */
export type ActivityCheck = { ok: true; activity: Record<string, unknown> } | { ok: false; problem: string };

/** Drops the keys whose value is undefined (what the null → absent step leaves behind), recursively. */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out;
}

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
  // reportInput: a type problem names what was sent (the issue carries the value).
  const parsed = activitySchema.safeParse(body, { reportInput: true });
  if (parsed.success) {
    const activity = withoutUndefined(parsed.data) as Record<string, unknown>;
    for (const key of ['from', 'recipient', 'conversation'] as const) {
      if (activity[key] !== undefined) activity[key] = withoutUndefined(activity[key]);
    }
    for (const key of ['membersAdded', 'membersRemoved'] as const) {
      const list = activity[key];
      if (Array.isArray(list)) activity[key] = list.map(withoutUndefined);
    }
    return { ok: true, activity };
  }
  const issue = parsed.error.issues[0] as z.core.$ZodIssue;
  const field = pathOf(issue);
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return { ok: false, problem: `The activity needs '${field}'.` };
  if (issue.code === 'invalid_type')
    return { ok: false, problem: `The activity's '${field}' must be a ${issue.expected}, not ${kindOf(issue.input)}.` };
  return { ok: false, problem: `The activity's '${field}' is not valid: ${issue.message.toLowerCase()}.` };
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
