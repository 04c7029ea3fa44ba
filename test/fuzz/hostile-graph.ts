/**
 * Generates hostile Microsoft Graph requests for the local emulator, deterministically from a seed: broken and
 * forged tokens, deep and malformed OData, oversized and compressed bodies, references and $batch steps aimed at
 * other hosts, bad ids and paths. None of them is a valid fault specification (those answer 503 on purpose).
 */
import { createSign } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { SigningKey } from '../../graph-emulator/auth/signing-key';
import { DEMO_GROUPS, DEMO_TENANT_ID, DEMO_USERS } from '../../graph-emulator/seed/demo-tenant';
import { rng } from './hostile-activities';

export interface GraphProbe {
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function signed(key: SigningKey, header: unknown, claims: unknown): string {
  const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(key.privateKey).toString('base64url')}`;
}

/** Tokens a client should never get past the emulator with (each must be refused with 401). */
function forgedTokens(key: SigningKey, good: string): string[] {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    aud: 'https://graph.microsoft.com',
    iss: `https://sts.windows.net/${DEMO_TENANT_ID}/`,
    tid: DEMO_TENANT_ID,
    oid: DEMO_USERS.megan.id,
    upn: DEMO_USERS.megan.upn,
    scp: 'Group.ReadWrite.All',
    iat: now,
    nbf: now,
    exp: now + 600,
  };
  const [h, p] = good.split('.') as [string, string];
  return [
    '',
    'x',
    'a.b',
    'a.b.c',
    `${h}.${p}.`,
    `${h}.${p}.AAAA`,
    `${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.`,
    'x'.repeat(8000),
    signed(key, { alg: 'RS256' }, { ...claims, scp: undefined }),
    signed(key, { alg: 'RS256' }, { ...claims, scp: 42 }),
    signed(key, { alg: 'RS256' }, { ...claims, exp: now - 10 }),
    signed(key, { alg: 'RS256' }, { ...claims, aud: 'https://evil.example.com' }),
    signed(key, { alg: 'RS256' }, { ...claims, tid: '00000000-0000-0000-0000-000000000000' }),
    signed(key, { alg: 'RS256' }, { ...claims, oid: 'nobody', upn: 'nobody@evil.com' }),
    signed(key, { alg: 'RS256' }, { ...claims, oid: 7 }),
    signed(key, null, claims),
    signed(key, { alg: 'RS256' }, [claims]),
    signed(key, { alg: 'HS256' }, claims),
  ];
}

const SG = DEMO_GROUPS.securityGroup101.id;
const MARKETING = DEMO_GROUPS.marketing.id;

/** Paths and queries that are malformed, unsupported or hostile. */
const QUERIES = [
  `/v1.0/groups?$filter=${'('.repeat(3000)}displayName%20eq%20%27x%27${')'.repeat(3000)}`,
  `/v1.0/groups?$filter=${'not%20'.repeat(1500)}displayName%20eq%20%27x%27`,
  `/v1.0/users?$filter=${'displayName%20eq%20%27x%27%20and%20'.repeat(300)}true`,
  "/v1.0/groups?$filter=members/any(m:m/any(n:n/any(o:o eq 'x')))",
  '/v1.0/groups?$filter=startswith(displayName,',
  "/v1.0/groups?$filter=displayName eq 'unterminated",
  '/v1.0/groups?$filter=%00',
  '/v1.0/users?$top=-1',
  '/v1.0/users?$top=abc',
  '/v1.0/users?$top=99999999999999999999',
  '/v1.0/users?$skip=5',
  '/v1.0/users?$select=*,,,',
  '/v1.0/users?$select=' + 'displayName,'.repeat(400),
  '/v1.0/groups?$expand=members($expand=members($expand=members))',
  '/v1.0/groups?$orderby=nope desc desc',
  '/v1.0/groups?$search="unterminated',
  '/v1.0/groups?$search=%22a%22%20OR%20%22b%22%20AND',
  '/v1.0/groups?$count=maybe',
  '/v1.0/groups?$skiptoken=%ff%fe',
  '/v1.0/groups/delta?$deltatoken=garbage',
  '/v1.0/groups/not-a-guid',
  `/v1.0/groups/${SG}/members/%00/$ref`,
  '/v1.0/groups/%2e%2e/%2e%2e/etc/passwd',
  '/v1.0/../../etc/passwd',
  '/beta/me',
  '/v2.0/me',
  '/',
  '/v1.0',
  '/v1.0/',
  '/v1.0/$metadata',
  '/v1.0/me/' + 'a/'.repeat(500),
  '/v1.0/users/' + '\u00e9'.repeat(50),
  `/v1.0/groups/${SG}/members/microsoft.graph.nothing`,
  `/v1.0/groups/${SG}/transitiveMembers?$filter=${'('.repeat(100)}`,
  '/v1.0/directoryObjects/getByIds',
  `/v1.0/users/${DEMO_USERS.ana.id}/checkMemberGroups`,
  '/v1.0/groups?$filter=displayName in (' + "'a',".repeat(200) + "'b')",
];

/** Bodies for writes: malformed, wrongly typed, deep, references to other hosts. */
function writeProbes(random: () => number): GraphProbe[] {
  const json = { 'content-type': 'application/json' };
  const deepRule = `${'('.repeat(1500)}user.city -eq "Seattle"${')'.repeat(1500)}`;
  const refTo = (host: string) =>
    JSON.stringify({ '@odata.id': `https://${host}/v1.0/directoryObjects/${DEMO_USERS.ana.id}` });
  const batch = (requests: unknown) => JSON.stringify({ requests });
  const probes: GraphProbe[] = [
    { label: 'group invalid json', method: 'POST', path: '/v1.0/groups', headers: json, body: '{"displayName":' },
    { label: 'group array', method: 'POST', path: '/v1.0/groups', headers: json, body: '[1,2,3]' },
    {
      label: 'group deep json',
      method: 'POST',
      path: '/v1.0/groups',
      headers: json,
      body: `${'['.repeat(20000)}${']'.repeat(20000)}`,
    },
    {
      label: 'group deep object',
      method: 'POST',
      path: '/v1.0/groups',
      headers: json,
      body: `{"displayName":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
    },
    {
      label: 'group wrong types',
      method: 'POST',
      path: '/v1.0/groups',
      headers: json,
      body: JSON.stringify({ displayName: 5, mailEnabled: 'yes', mailNickname: [], securityEnabled: null }),
    },
    {
      label: 'group proto',
      method: 'POST',
      path: '/v1.0/groups',
      headers: json,
      body: '{"__proto__":{"admin":true},"displayName":"P","mailEnabled":false,"mailNickname":"p","securityEnabled":true}',
    },
    {
      label: 'group deep rule',
      method: 'POST',
      path: '/v1.0/groups',
      headers: json,
      body: JSON.stringify({
        displayName: 'Deep',
        mailEnabled: false,
        mailNickname: 'deep',
        securityEnabled: true,
        groupTypes: ['DynamicMembership'],
        membershipRule: deepRule,
        membershipRuleProcessingState: 'On',
      }),
    },
    {
      label: 'rule patch deep',
      method: 'PATCH',
      path: `/v1.0/groups/${DEMO_GROUPS.seattleEmployees.id}`,
      headers: json,
      body: JSON.stringify({ membershipRule: `${'-not '.repeat(700)}user.city -eq "x"` }),
    },
    {
      label: 'rule patch junk',
      method: 'PATCH',
      path: `/v1.0/groups/${DEMO_GROUPS.seattleEmployees.id}`,
      headers: json,
      body: JSON.stringify({ membershipRule: '(user.city -eq "' + '\\'.repeat(3000) }),
    },
    {
      label: 'oversized body',
      method: 'POST',
      path: '/v1.0/groups',
      headers: json,
      body: JSON.stringify({ displayName: 'x'.repeat(5 * 1024 * 1024) }),
    },
    {
      label: 'gzip body',
      method: 'POST',
      path: '/v1.0/groups',
      headers: { ...json, 'content-encoding': 'gzip' },
      body: gzipSync('{"displayName":"z"}'),
    },
    {
      label: 'not gzip body',
      method: 'POST',
      path: '/v1.0/groups',
      headers: { ...json, 'content-encoding': 'gzip' },
      body: 'plain',
    },
    {
      label: 'null bytes',
      method: 'PATCH',
      path: `/v1.0/groups/${MARKETING}`,
      headers: json,
      body: JSON.stringify({ description: 'a\u0000b' }),
    },
    {
      label: 'lone surrogate',
      method: 'PATCH',
      path: `/v1.0/groups/${MARKETING}`,
      headers: json,
      body: '{"description":"\\ud800"}',
    },
    {
      label: 'patch unknown',
      method: 'PATCH',
      path: `/v1.0/groups/${MARKETING}`,
      headers: json,
      body: JSON.stringify({ evil: true }),
    },
    {
      label: 'ref garbage',
      method: 'POST',
      path: `/v1.0/groups/${SG}/members/$ref`,
      headers: json,
      body: JSON.stringify({ '@odata.id': { nested: true } }),
    },
    {
      label: 'bind garbage',
      method: 'PATCH',
      path: `/v1.0/groups/${SG}`,
      headers: json,
      body: JSON.stringify({ 'members@odata.bind': ['https://evil.example.com/v1.0/users/x', 5] }),
    },
    {
      label: 'batch nested',
      method: 'POST',
      path: '/v1.0/$batch',
      headers: json,
      body: batch([{ id: '1', method: 'POST', url: '/$batch', body: { requests: [] } }]),
    },
    {
      label: 'batch too many',
      method: 'POST',
      path: '/v1.0/$batch',
      headers: json,
      body: batch(Array.from({ length: 25 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' }))),
    },
    {
      label: 'batch cycle',
      method: 'POST',
      path: '/v1.0/$batch',
      headers: json,
      body: batch([
        { id: '1', method: 'GET', url: '/me', dependsOn: ['2'] },
        { id: '2', method: 'GET', url: '/me', dependsOn: ['1'] },
      ]),
    },
    {
      label: 'batch junk steps',
      method: 'POST',
      path: '/v1.0/$batch',
      headers: json,
      body: batch([null, 5, 'x', { id: 7 }, { id: '1', method: 5, url: [] }]),
    },
    {
      label: 'batch not array',
      method: 'POST',
      path: '/v1.0/$batch',
      headers: json,
      body: JSON.stringify({ requests: { id: '1' } }),
    },
    {
      label: 'batch headers junk',
      method: 'POST',
      path: '/v1.0/$batch',
      headers: json,
      body: batch([{ id: '1', method: 'GET', url: '/me', headers: { a: { b: 1 } } }]),
    },
  ];
  for (const host of [
    'evil.example.com',
    'graph.microsoft.com.evil.com',
    '169.254.169.254',
    'user:pw@graph.microsoft.com',
    'localhost@evil.com',
  ]) {
    probes.push({
      label: `ref ${host}`,
      method: 'POST',
      path: `/v1.0/groups/${SG}/members/$ref`,
      headers: json,
      body: refTo(host),
    });
  }
  for (const url of [
    'https://evil.example.com/v1.0/me',
    '//evil.example.com/me',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'http://169.254.169.254/latest/meta-data',
    '/me/../../../etc',
    '',
  ]) {
    probes.push({
      label: `batch url ${url}`,
      method: 'POST',
      path: '/v1.0/$batch',
      headers: json,
      body: batch([{ id: '1', method: 'GET', url }]),
    });
  }
  for (const method of ['PUT', 'TRACE', 'OPTIONS', 'PROPFIND', 'DELETE'])
    probes.push({ label: `method ${method}`, method, path: '/v1.0/groups', headers: {} });
  probes.push({
    label: 'faults junk',
    method: 'POST',
    path: '/_emulator/faults',
    headers: json,
    body: JSON.stringify({ status: 500, pathPattern: '(' }),
  });
  probes.push({
    label: 'faults deep',
    method: 'POST',
    path: '/_emulator/faults',
    headers: json,
    body: `${'['.repeat(10000)}${']'.repeat(10000)}`,
  });
  probes.push({
    label: 'control unknown',
    method: 'GET',
    path: '/_emulator/' + 'x'.repeat(random() < 0.5 ? 10 : 1000),
    headers: {},
  });
  return probes;
}

/**
 * `count` hostile requests: every forged token against a few routes, every malformed query, every hostile write,
 * then seeded mixes of them until `count` is reached. `token` is a valid token (used with the bad queries and
 * bodies, so those reach the parsers).
 */
export function graphProbes(key: SigningKey, token: string, count: number, seed: number): GraphProbe[] {
  const random = rng(seed);
  const auth = { authorization: `Bearer ${token}` };
  const probes: GraphProbe[] = [];
  for (const t of forgedTokens(key, token)) {
    for (const path of ['/v1.0/me', `/v1.0/groups/${SG}/members`])
      probes.push({ label: 'forged token', method: 'GET', path, headers: { authorization: `Bearer ${t}` } });
  }
  probes.push(
    { label: 'no token', method: 'GET', path: '/v1.0/me', headers: {} },
    { label: 'basic auth', method: 'GET', path: '/v1.0/me', headers: { authorization: 'Basic YTpi' } },
  );
  for (const path of QUERIES) probes.push({ label: 'query', method: 'GET', path, headers: auth });
  for (const p of writeProbes(random)) probes.push({ ...p, headers: { ...auth, ...p.headers } });
  const all = [...probes];
  while (probes.length < count) {
    const p = pick(random, all);
    // Vary the mix: some with an odd ConsistencyLevel, some without the token.
    const headers = { ...p.headers };
    if (random() < 0.3) headers['consistencylevel'] = pick(random, ['eventual', 'EVENTUAL', 'x'.repeat(200), '']);
    if (random() < 0.1) delete headers['authorization'];
    probes.push({ ...p, headers });
  }
  return probes;
}
