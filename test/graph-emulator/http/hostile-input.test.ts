/**
 * Hostile input at the emulator's transport, auth and parsers: every case gets a 4xx Graph error (never a 500,
 * a reset connection or a crash), and the emulator keeps answering afterwards.
 */
import { strict as assert } from 'node:assert';
import { gzipSync } from 'node:zlib';
import { request } from 'undici';
import { Agent } from 'undici';
import { createSign } from 'node:crypto';
import { ensureSigningKey } from '../../../graph-emulator/auth/signing-key';
import { DEMO_GROUPS, DEMO_TENANT_ID, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { useTestEmulator } from '../../support/emulator';

interface ErrorBody {
  error: { code: string; message: string };
}

describe('graph-emulator hostile input', function () {
  this.timeout(60_000);
  const emu = useTestEmulator();
  let token: string;
  let agent: Agent;
  before(async () => {
    token = await emu.token('megan@contoso.com');
    agent = new Agent({ connect: { ca: emu.emulator.caPem } });
  });
  after(async () => {
    await agent?.close();
  });

  const status = async (
    method: string,
    url: string,
    body?: string,
  ): Promise<{ status: number; error: ErrorBody['error'] }> => {
    const res = await emu.raw(method, url, { token, ...(body !== undefined ? { body } : {}) });
    return {
      status: res.status,
      error: res.status >= 300 ? (res.json() as ErrorBody).error : { code: '', message: '' },
    };
  };

  it('a 5 MB body gets 413 (read and answered, not a reset connection)', async () => {
    const body = JSON.stringify({ displayName: 'x'.repeat(5 * 1024 * 1024) });
    const res = await request(`${emu.baseUrl}/v1.0/groups`, {
      method: 'POST',
      dispatcher: agent,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    assert.equal(res.statusCode, 413);
    assert.equal(((await res.body.json()) as ErrorBody).error.code, 'Request_EntityTooLarge');
  });

  it('a gzip body, valid or not, gets 415 and the emulator keeps running', async () => {
    for (const body of [gzipSync(JSON.stringify({ displayName: 'Zipped' })), Buffer.from('definitely not gzip')]) {
      const res = await request(`${emu.baseUrl}/v1.0/groups`, {
        method: 'POST',
        dispatcher: agent,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body,
      });
      assert.equal(res.statusCode, 415);
      await res.body.text();
    }
    assert.equal((await status('GET', '/v1.0/me')).status, 200);
  });

  it('5,000 nested parentheses or 3,000 nots in $filter get 400, not a stack overflow', async () => {
    const deep = `${'('.repeat(5000)}displayName eq 'x'${')'.repeat(5000)}`;
    // Parentheses unescaped, as clients send them: 10,000 of them fit in Node's 16 KB request line.
    const r1 = await status('GET', `/v1.0/groups?$filter=${deep.replaceAll(' ', '%20').replaceAll("'", '%27')}`);
    assert.equal(r1.status, 400, r1.error.message);
    assert.match(r1.error.message, /nested more than 32 levels/);
    const nots = `${'not '.repeat(3000)}displayName eq 'x'`;
    assert.equal(
      (await status('GET', `/v1.0/groups?$filter=${nots.replaceAll(' ', '+').replaceAll("'", '%27')}`)).status,
      400,
    );
  });

  it('a membershipRule with 1,500 nested parentheses gets 400', async () => {
    const rule = `${'('.repeat(1500)}user.city -eq "Seattle"${')'.repeat(1500)}`;
    const body = {
      displayName: 'Deep rule',
      mailEnabled: false,
      mailNickname: 'deeprule',
      securityEnabled: true,
      groupTypes: ['DynamicMembership'],
      membershipRule: rule,
      membershipRuleProcessingState: 'On',
    };
    const r = await status('POST', '/v1.0/groups', JSON.stringify(body));
    assert.equal(r.status, 400, r.error.message);
    const patch = await status(
      'PATCH',
      `/v1.0/groups/${DEMO_GROUPS.seattleEmployees.id}`,
      JSON.stringify({ membershipRule: rule }),
    );
    assert.equal(patch.status, 400, patch.error.message);
  });

  it('a validly signed token without scp (or with a non-object payload) gets 401, not 500', async () => {
    const key = ensureSigningKey(emu.dataDir);
    const sign = (header: unknown, claims: unknown): string => {
      const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
      return `${input}.${createSign('RSA-SHA256').update(input).sign(key.privateKey).toString('base64url')}`;
    };
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      aud: 'https://graph.microsoft.com',
      iss: `https://sts.windows.net/${DEMO_TENANT_ID}/`,
      tid: DEMO_TENANT_ID,
      oid: DEMO_USERS.megan.id,
      upn: DEMO_USERS.megan.upn,
      iat: now,
      nbf: now,
      exp: now + 600,
    };
    for (const t of [
      sign({ alg: 'RS256', typ: 'JWT' }, claims),
      sign({ alg: 'RS256' }, { ...claims, scp: 7 }),
      sign(null, claims),
      sign({ alg: 'RS256' }, [1, 2]),
    ]) {
      const res = await emu.raw('GET', '/v1.0/me', { token: t });
      assert.equal(res.status, 401, res.text);
    }
  });

  it('@odata.id and $batch urls on a foreign host get 400', async () => {
    const ref = (host: string) =>
      JSON.stringify({ '@odata.id': `https://${host}/v1.0/directoryObjects/${DEMO_USERS.ana.id}` });
    for (const host of [
      'evil.example.com',
      'graph.microsoft.com.evil.com',
      'user:pw@graph.microsoft.com',
      '169.254.169.254',
    ]) {
      const r = await status('POST', `/v1.0/groups/${DEMO_GROUPS.securityGroup101.id}/members/$ref`, ref(host));
      assert.equal(r.status, 400, `${host}: ${r.error.message}`);
    }
    for (const url of [
      'https://evil.example.com/v1.0/me',
      '//evil.example.com/v1.0/me',
      'file:///etc/passwd',
      'javascript:alert(1)',
    ]) {
      const r = await status('POST', '/v1.0/$batch', JSON.stringify({ requests: [{ id: '1', method: 'GET', url }] }));
      assert.equal(r.status, 400, `${url}: ${r.error.message}`);
    }
    const ok = await status(
      'POST',
      '/v1.0/$batch',
      JSON.stringify({
        requests: [
          { id: '1', method: 'GET', url: `${emu.baseUrl}/v1.0/me` },
          { id: '2', method: 'GET', url: 'https://graph.microsoft.com/v1.0/me' },
        ],
      }),
    );
    assert.equal(ok.status, 200, "the emulator's own host and Graph's stay accepted");
  });
});
