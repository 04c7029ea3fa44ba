/**
 * Generates malformed and hostile requests for the bot's messaging endpoint, deterministically from a seed: valid
 * activities with one field of the wrong type or value, hostile serviceUrls, crafted card actions, broken and
 * oversized bodies, wrong content types and encodings, a missing or wrong local credential, browser requests.
 * A share of them are well-formed turns, so that the hostile ones run beside real work.
 */
import { gzipSync } from 'node:zlib';
import { DEMO_USERS } from '../../graph-emulator/seed/demo-tenant';

/** One HTTP request to send to the bot. `endpoint` picks the path: with the secret, without it, or a wrong one. */
export interface BotProbe {
  label: string;
  method: string;
  endpoint: 'secret' | 'bare' | 'wrong';
  headers: Record<string, string>;
  body: string | Buffer | undefined;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same probes. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

const USERS = Object.values(DEMO_USERS).map((u) => ({ id: u.id, name: u.displayName }));

const TEXTS = [
  'help',
  'who owns SecurityGroup101',
  'list my groups',
  'add Ana to Marketing',
  'remove Bob from Design Team',
  'delete Marketing',
  'I need access to Finance Readers',
  'show the rule of Seattle Employees',
  'history',
  'undo',
  'my requests',
  'make Olga owner of Sales',
  "<at>groupbot</at> who's in Marketing",
  '**bold** [link](javascript:alert(1)) <img src=x onerror=alert(1)>',
  '\u202eevil\u202c',
  '👩‍💻 add 🧑 to 💼',
  'add ' + 'Ana, '.repeat(300) + 'to Marketing',
  "'; DROP TABLE groups; --",
  '${process.exit()}',
  '{{constructor.constructor("return process")().exit()}}',
  'create a group called ' + 'x'.repeat(300),
  '   ',
  'a'.repeat(9_000),
  'who owns (((((((((((((((((((((Marketing',
  'rule: user.city -eq "' + '('.repeat(200),
];

const HOSTILE_VALUES: unknown[] = [
  42,
  -1,
  0,
  1e308,
  true,
  false,
  null,
  [],
  [1, 'a'],
  {},
  { $gt: '' },
  { __proto__: { polluted: true } },
  'x'.repeat(5000),
  '',
  ' ',
  'a\u0000b',
  'line\nbreak\r\n{"level":"error"}',
  '\u001b[31mred',
  '\ud800',
  '\udfff lone',
  '../../../etc/passwd',
  'http://127.0.0.1:22/',
  '<script>alert(1)</script>',
  '%00',
  '\u2028\u2029',
  'constructor',
  '__proto__',
];

/** Field paths of an activity that code downstream reads. */
const FIELDS = [
  'type',
  'id',
  'channelId',
  'serviceUrl',
  'timestamp',
  'localTimestamp',
  'locale',
  'text',
  'textFormat',
  'name',
  'replyToId',
  'value',
  'channelData',
  'channelData.tenant',
  'channelData.tenant.id',
  'entities',
  'attachments',
  'membersAdded',
  'membersRemoved',
  'action',
  'conversation',
  'conversation.id',
  'conversation.name',
  'conversation.conversationType',
  'conversation.tenantId',
  'conversation.isGroup',
  'from',
  'from.id',
  'from.name',
  'from.aadObjectId',
  'from.role',
  'recipient',
  'recipient.id',
  'recipient.name',
  'deliveryMode',
  'expiration',
];

const SERVICE_URLS = [
  'http://127.0.0.1:1/',
  'http://127.0.0.1:22/',
  'http://localhost:5432/',
  'http://[::1]:6379/',
  'https://evil.example.com/',
  'http://169.254.169.254/latest/',
  'file:///etc/passwd',
  'gopher://127.0.0.1:25/',
  'javascript:alert(1)',
  'not a url',
  '',
  'http://user:pw@127.0.0.1:9/',
  'ftp://127.0.0.1/',
  'https://smba.trafficmanager.net.evil.com/',
  'http://0x7f000001:8080/',
];

const VERBS = [
  'confirm',
  'cancel',
  'groupDelete',
  'approvalApprove',
  'approvalDeny',
  'requestSubmit',
  'undo',
  'retryFailed',
  'bulkAdd',
  'pick',
  'deleteEverything',
  '',
  '__proto__',
];

export class ActivityFactory {
  constructor(
    private readonly random: () => number,
    private readonly serviceUrl: string,
  ) {}

  private n = 0;

  /** A well-formed activity (a message by default) from a demo user, or from someone unknown. */
  base(over: Record<string, unknown> = {}): Record<string, unknown> {
    const user =
      this.random() < 0.85 ? pick(this.random, USERS) : { id: '00000000-0000-0000-0000-000000000bad', name: 'Nobody' };
    this.n++;
    return {
      type: 'message',
      id: `fuzz-${this.n}`,
      channelId: 'msteams',
      serviceUrl: this.serviceUrl,
      timestamp: new Date().toISOString(),
      locale: 'en-US',
      conversation: {
        id: `fuzz-conv-${this.n % 40}`,
        conversationType: this.random() < 0.7 ? 'personal' : 'groupChat',
        tenantId: 'contoso',
      },
      from: { id: `29:fuzz-${user.id.slice(0, 8)}`, name: user.name, aadObjectId: user.id },
      recipient: { id: '28:groupbot', name: 'groupbot' },
      text: pick(this.random, TEXTS),
      textFormat: 'plain',
      ...over,
    };
  }

  private json(label: string, activity: unknown, headers: Record<string, string> = {}): BotProbe {
    return {
      label,
      method: 'POST',
      endpoint: 'secret',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(activity),
    };
  }

  /** Sets `path` (dotted) in `target` to `value`, creating objects on the way; a `delete` value removes it. */
  private static setPath(target: Record<string, unknown>, path: string, value: unknown): void {
    const keys = path.split('.');
    let at: Record<string, unknown> = target;
    for (const key of keys.slice(0, -1)) {
      if (!at[key] || typeof at[key] !== 'object') at[key] = {};
      at = at[key] as Record<string, unknown>;
    }
    const last = keys[keys.length - 1] as string;
    if (value === DELETE) delete at[last];
    else at[last] = value;
  }

  /** The next probe: about a quarter are well-formed turns, the rest malformed or hostile. */
  next(): BotProbe {
    const r = this.random();
    if (r < 0.22) return this.json('turn', this.base());
    if (r < 0.27)
      return this.json(
        'turn.conversationUpdate',
        this.base({
          type: 'conversationUpdate',
          text: undefined,
          membersAdded: [{ id: '28:groupbot' }, { id: '29:x' }],
        }),
      );
    if (r < 0.47) {
      const a = this.base();
      const field = pick(this.random, FIELDS);
      const value = this.random() < 0.15 ? DELETE : pick(this.random, HOSTILE_VALUES);
      ActivityFactory.setPath(a, field, value);
      return this.json(`field ${field}`, a);
    }
    if (r < 0.55) return this.json('serviceUrl', this.base({ serviceUrl: pick(this.random, SERVICE_URLS) }));
    if (r < 0.65) return this.json('invoke', this.invoke());
    if (r < 0.83) return this.rawBody();
    return this.transport();
  }

  private invoke(): Record<string, unknown> {
    const verb = pick(this.random, VERBS);
    const data: Record<string, unknown> = {
      verb,
      pendingId: pick(this.random, ['p1', 'x'.repeat(3000), '', '../../x']),
      groupId: pick(this.random, ['f87faa71-57a8-4c14-91f0-517f54645106', 'not-a-guid', "1' OR 1=1"]),
    };
    if (this.random() < 0.3) data['requestId'] = pick(this.random, HOSTILE_VALUES);
    if (this.random() < 0.2) Object.defineProperty(data, '__proto__', { value: { polluted: true }, enumerable: true });
    const name = pick(this.random, [
      'adaptiveCard/action',
      'adaptiveCard/action',
      'task/fetch',
      'composeExtension/query',
      'signin/verifyState',
      'unknown/x',
      'x'.repeat(300),
    ]);
    const value =
      this.random() < 0.8
        ? { action: { type: pick(this.random, ['Action.Execute', 'Action.Submit', 'Action.OpenUrl', 5]), verb, data } }
        : pick(this.random, HOSTILE_VALUES);
    return this.base({
      type: 'invoke',
      name,
      value,
      text: undefined,
      replyToId: this.random() < 0.5 ? 'm-1' : undefined,
    });
  }

  /** Bodies that are not a well-formed JSON activity at all. */
  private rawBody(): BotProbe {
    const valid = JSON.stringify(this.base());
    const kinds: (() => [string, string | Buffer])[] = [
      () => ['truncated', valid.slice(0, Math.floor(this.random() * valid.length))],
      () => [
        'random bytes',
        Buffer.from(Array.from({ length: 1 + Math.floor(this.random() * 400) }, () => Math.floor(this.random() * 256))),
      ],
      () => [
        'invalid utf-8',
        Buffer.concat([
          Buffer.from('{"type":"message","text":"'),
          Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
          Buffer.from('"}'),
        ]),
      ],
      () => ['bom', `\ufeff${valid}`],
      () => ['deep array', `${'['.repeat(5000)}${']'.repeat(5000)}`],
      () => [
        'deep value',
        valid.replace(
          '"textFormat":"plain"',
          `"textFormat":"plain","value":${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`,
        ),
      ],
      () => ['oversized', JSON.stringify(this.base({ text: 'x'.repeat(300 * 1024) }))],
      () => ['empty', ''],
      () => ['scalar', pick(this.random, ['null', 'true', '42', '"activity"', '[]', '[{}]'])],
      () => ['duplicate keys', valid.replace('{', '{"type":5,')],
      () => [
        'proto',
        valid.replace('{', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},'),
      ],
      () => ['nul escape', valid.replace('"text":"', '"text":"\\u0000')],
    ];
    const [label, body] = pick(this.random, kinds)();
    return {
      label: `body ${label}`,
      method: 'POST',
      endpoint: 'secret',
      headers: { 'content-type': 'application/json' },
      body,
    };
  }

  /** Wrong method, content type, encoding, credential or origin on an otherwise good activity. */
  private transport(): BotProbe {
    const body = JSON.stringify(this.base());
    const kinds: (() => BotProbe)[] = [
      () => ({
        label: 'gzip (not gzip)',
        method: 'POST',
        endpoint: 'secret',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: Buffer.from('not gzip at all'),
      }),
      () => ({
        label: 'gzip bomb',
        method: 'POST',
        endpoint: 'secret',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: GZIP_BOMB,
      }),
      () => ({
        label: 'gzip valid',
        method: 'POST',
        endpoint: 'secret',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: gzipSync(body),
      }),
      () => ({
        label: 'deflate',
        method: 'POST',
        endpoint: 'secret',
        headers: { 'content-type': 'application/json', 'content-encoding': 'deflate' },
        body: Buffer.from(body),
      }),
      () => ({
        label: 'form post',
        method: 'POST',
        endpoint: 'secret',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'type=message&from[aadObjectId]=x&serviceUrl=http%3A%2F%2F127.0.0.1%3A1&text=delete+Marketing',
      }),
      () => ({
        label: 'multipart',
        method: 'POST',
        endpoint: 'secret',
        headers: { 'content-type': 'multipart/form-data; boundary=b' },
        body: `--b\r\nContent-Disposition: form-data; name="type"\r\n\r\nmessage\r\n--b--`,
      }),
      () => ({
        label: 'text/plain',
        method: 'POST',
        endpoint: 'secret',
        headers: { 'content-type': 'text/plain' },
        body,
      }),
      () => ({ label: 'no content type', method: 'POST', endpoint: 'secret', headers: {}, body }),
      () => ({
        label: 'utf-16',
        method: 'POST',
        endpoint: 'secret',
        headers: { 'content-type': 'application/json; charset=utf-16' },
        body,
      }),
      () => ({
        label: 'no secret',
        method: 'POST',
        endpoint: 'bare',
        headers: { 'content-type': 'application/json' },
        body,
      }),
      () => ({
        label: 'wrong secret',
        method: 'POST',
        endpoint: 'wrong',
        headers: { 'content-type': 'application/json' },
        body,
      }),
      () => ({
        label: 'browser origin',
        method: 'POST',
        endpoint: 'secret',
        headers: { 'content-type': 'application/json', origin: 'http://evil.example.com' },
        body,
      }),
      () => ({ label: 'GET', method: 'GET', endpoint: 'secret', headers: {}, body: undefined }),
      () => ({
        label: 'PUT',
        method: 'PUT',
        endpoint: 'secret',
        headers: { 'content-type': 'application/json' },
        body,
      }),
      () => ({ label: 'DELETE', method: 'DELETE', endpoint: 'secret', headers: {}, body: undefined }),
      () => ({
        label: 'OPTIONS',
        method: 'OPTIONS',
        endpoint: 'secret',
        headers: { origin: 'http://evil.example.com', 'access-control-request-method': 'POST' },
        body: undefined,
      }),
      () => ({
        label: 'bearer junk',
        method: 'POST',
        endpoint: 'secret',
        headers: { 'content-type': 'application/json', authorization: 'Bearer ' + 'x'.repeat(4000) },
        body,
      }),
    ];
    return pick(this.random, kinds)();
  }
}

const DELETE = Symbol('delete');
/** About 20 KB of gzip that would inflate to 20 MB. */
const GZIP_BOMB = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x61));
