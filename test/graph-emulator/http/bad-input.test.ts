/**
 * Bad input gets the error Graph would give, never a crash or a 500: malformed JSON, unknown properties,
 * bad GUIDs, unsupported OData, oversized pages and batches, wrong versions, bad tokens.
 */
import { strict as assert } from 'node:assert';
import { DEMO_GROUPS } from '../../../graph-emulator/seed/demo-tenant';
import { useTestEmulator } from '../../support/emulator';

interface ErrorBody {
  error: { code: string; message: string; innerError: Record<string, string> };
}

describe('graph-emulator bad input', function () {
  this.timeout(60_000);
  const emu = useTestEmulator();
  let token: string;
  before(async () => {
    token = await emu.token('megan@contoso.com');
  });

  async function expectError(
    method: string,
    url: string,
    body: string | undefined,
    status: number,
    code: string,
    message?: string | RegExp,
  ): Promise<void> {
    const res = await emu.raw(method, url, { token, ...(body !== undefined ? { body } : {}) });
    assert.equal(res.status, status, res.text);
    const err = (res.json() as ErrorBody).error;
    assert.equal(err.code, code, err.message);
    if (typeof message === 'string') assert.equal(err.message, message);
    else if (message) assert.match(err.message, message);
    assert.ok(err.innerError['request-id']);
  }

  it('malformed JSON bodies', async () => {
    await expectError(
      'POST',
      '/v1.0/groups',
      '{"displayName": ',
      400,
      'BadRequest',
      /Unable to read JSON request payload/,
    );
    await expectError(
      'PATCH',
      `/v1.0/groups/${DEMO_GROUPS.marketing.id}`,
      '[1,2]',
      400,
      'BadRequest',
      /Unable to read JSON request payload/,
    );
    await expectError('POST', '/v1.0/$batch', 'not json', 400, 'BadRequest');
  });

  it('unknown and wrongly typed properties', async () => {
    await expectError(
      'POST',
      '/v1.0/groups',
      JSON.stringify({
        displayName: 'X',
        mailEnabled: false,
        mailNickname: 'x1',
        securityEnabled: true,
        colour: 'blue',
      }),
      400,
      'Request_BadRequest',
      "Property 'colour' does not exist as a declared property or extension property.",
    );
    await expectError(
      'POST',
      '/v1.0/groups',
      JSON.stringify({ displayName: 'X', mailEnabled: 'no', mailNickname: 'x2', securityEnabled: true }),
      400,
      'Request_BadRequest',
      "Invalid value specified for property 'mailEnabled' of resource 'Group'.",
    );
    await expectError(
      'PATCH',
      `/v1.0/groups/${DEMO_GROUPS.marketing.id}`,
      JSON.stringify({ visibility: 'Secret' }),
      400,
      'Request_BadRequest',
      "Invalid value specified for property 'visibility' of resource 'Group'.",
    );
  });

  it('bad GUIDs in paths and references', async () => {
    await expectError(
      'GET',
      '/v1.0/groups/1234',
      undefined,
      400,
      'Request_BadRequest',
      "Invalid object identifier '1234'.",
    );
    await expectError(
      'DELETE',
      `/v1.0/groups/${DEMO_GROUPS.marketing.id}/members/zzz/$ref`,
      undefined,
      400,
      'Request_BadRequest',
      "Invalid object identifier 'zzz'.",
    );
    await expectError(
      'POST',
      `/v1.0/groups/${DEMO_GROUPS.securityGroup101.id}/members/$ref`,
      JSON.stringify({ '@odata.id': 'https://graph.microsoft.com/v1.0/directoryObjects/not-a-guid' }),
      400,
      'Request_BadRequest',
      "Invalid object identifier 'not-a-guid'.",
    );
    await expectError(
      'POST',
      `/v1.0/users/${DEMO_GROUPS.marketing.id}x/checkMemberGroups`,
      JSON.stringify({ groupIds: [] }),
      400,
      'Request_BadRequest',
    );
  });

  it('unsupported OData', async () => {
    await expectError(
      'GET',
      "/v1.0/groups?$filter=endsWith(mail,'x')",
      undefined,
      400,
      'Request_UnsupportedQuery',
      /Operator 'endsWith' is not supported/,
    );
    await expectError(
      'GET',
      '/v1.0/groups?$filter=displayName eq',
      undefined,
      400,
      'BadRequest',
      /Invalid filter clause/,
    );
    await expectError('GET', '/v1.0/groups?$select=nope', undefined, 400, 'Request_BadRequest');
    await expectError('GET', '/v1.0/groups?$skiptoken=garbage', undefined, 400, 'Directory_ExpiredPageToken');
    await expectError(
      'GET',
      `/v1.0/groups/${DEMO_GROUPS.securityGroup101.id}/members/microsoft.graph.device`,
      undefined,
      400,
      'Request_UnsupportedQuery',
    );
  });

  it('oversized pages and batches', async () => {
    await expectError(
      'GET',
      '/v1.0/users?$top=5000',
      undefined,
      400,
      'Request_UnsupportedQuery',
      "Invalid page size specified: '5000'. Must be between 1 and 999 inclusive.",
    );
    await expectError('GET', '/v1.0/users?$top=0', undefined, 400, 'Request_UnsupportedQuery');
    const steps = Array.from({ length: 25 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' }));
    await expectError('POST', '/v1.0/$batch', JSON.stringify({ requests: steps }), 400, 'BadRequest', /maximum of 20/);
    await expectError(
      'POST',
      '/v1.0/$batch',
      JSON.stringify({ requests: [{ id: '1', method: 'POST', url: '/groups', body: {} }] }),
      400,
      'BadRequest',
      /Content-Type/,
    );
    await expectError(
      'POST',
      '/v1.0/$batch',
      JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/me', dependsOn: ['9'] }] }),
      400,
      'BadRequest',
      /unknown request id/,
    );
  });

  it('wrong version, unknown routes and malformed tokens', async () => {
    await expectError('GET', '/v2.0/me', undefined, 400, 'BadRequest');
    await expectError(
      'GET',
      '/v1.0/teams',
      undefined,
      400,
      'BadRequest',
      "Resource not found for the segment 'teams'.",
    );
    const res = await emu.raw('GET', '/v1.0/me', { token: 'not.a.token' });
    assert.equal(res.status, 401);
    assert.equal((res.json() as ErrorBody).error.code, 'InvalidAuthenticationToken');
    const stats = (await emu.raw('GET', '/_emulator/stats')).json() as { byStatus: Record<string, number> };
    assert.equal(stats.byStatus['500'], undefined, 'no request ended in a 500');
  });
});
