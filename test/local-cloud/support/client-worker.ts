/**
 * A child process that runs the real Bot Framework clients against the local cloud: started with
 * NODE_EXTRA_CA_CERTS = the local CA (the only way Node's TLS trusts it for node-fetch, MSAL and the connector
 * clients alike) and the bot's production-mode environment. It reads one JSON request per stdin line,
 * `{id, op, args}`, and writes `{id, ok, result}` or `{id, ok: false, error: {message, status?, code?}}`.
 *
 * ops: msalToken, authenticate (keeps the claims identity for the next ops), userToken, connector.
 */
import * as readline from 'node:readline';
import { ConfidentialClientApplication } from '@azure/msal-node';
import type { AuthenticateRequestResult, ClaimsIdentity } from 'botframework-connector';
import { botFrameworkAuthentication } from './bot-auth-from-env';

type Args = Record<string, unknown>;

const auth = botFrameworkAuthentication(process.env);
let identity: ClaimsIdentity | undefined;

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function msalToken(a: Args): Promise<unknown> {
  const cca = new ConfidentialClientApplication({
    auth: {
      clientId: a.clientId as string,
      clientSecret: a.clientSecret as string,
      authority: a.authority as string,
      knownAuthorities: [new URL(a.authority as string).host],
    },
  });
  const r = await cca.acquireTokenByClientCredential({ scopes: [a.scope as string], skipCache: true });
  return { claims: claimsOf(r?.accessToken ?? ''), tokenType: r?.tokenType };
}

async function authenticate(a: Args): Promise<unknown> {
  const r: AuthenticateRequestResult = await auth.authenticateRequest(
    a.activity as Parameters<typeof auth.authenticateRequest>[0],
    a.authHeader as string,
  );
  identity = r.claimsIdentity;
  return { audience: r.audience, claims: Object.fromEntries(r.claimsIdentity.claims.map((c) => [c.type, c.value])) };
}

function needIdentity(): ClaimsIdentity {
  if (!identity) throw new Error('authenticate first');
  return identity;
}

async function userToken(a: Args): Promise<unknown> {
  const client = await auth.createUserTokenClient(needIdentity());
  const userId = a.userId as string;
  const connection = a.connectionName as string;
  switch (a.call) {
    case 'get':
      return (await client.getUserToken(userId, connection, 'msteams', (a.code as string | undefined) ?? '')) ?? null;
    case 'exchange':
      return (await client.exchangeToken(userId, connection, 'msteams', { token: a.token as string })) ?? null;
    case 'signInResource':
      return await client.getSignInResource(
        connection,
        a.activity as Parameters<typeof client.getSignInResource>[1],
        '',
      );
    case 'signOut':
      await client.signOutUser(userId, connection, 'msteams');
      return null;
    case 'status':
      return await client.getTokenStatus(userId, 'msteams', '');
    default:
      throw new Error(`unknown userToken call ${String(a.call)}`);
  }
}

async function connector(a: Args): Promise<unknown> {
  const factory = auth.createConnectorFactory(needIdentity());
  const client = await factory.create(a.serviceUrl as string, 'https://api.botframework.com');
  const c = client.conversations;
  const conv = a.conversationId as string;
  const strip = <T>(r: T): unknown =>
    JSON.parse(JSON.stringify(r, (k, v: unknown) => (k === '_response' ? undefined : v)));
  switch (a.call) {
    case 'create':
      return strip(await c.createConversation(a.parameters as Parameters<typeof c.createConversation>[0]));
    case 'send':
      return strip(await c.sendToConversation(conv, a.activity as Parameters<typeof c.sendToConversation>[1]));
    case 'reply':
      return strip(
        await c.replyToActivity(conv, a.activityId as string, a.activity as Parameters<typeof c.replyToActivity>[2]),
      );
    case 'update':
      return strip(
        await c.updateActivity(conv, a.activityId as string, a.activity as Parameters<typeof c.updateActivity>[2]),
      );
    case 'delete':
      await c.deleteActivity(conv, a.activityId as string);
      return null;
    case 'member':
      return strip(await c.getConversationMember(conv, a.memberId as string));
    case 'members':
      return strip(await c.getConversationMembers(conv));
    case 'pagedMembers': {
      const options: { pageSize: number; continuationToken?: string } = { pageSize: a.pageSize as number };
      if (typeof a.continuationToken === 'string') options.continuationToken = a.continuationToken;
      return strip(
        await c.getConversationPagedMembers(
          conv,
          options as Parameters<typeof c.getConversationPagedMembers>[1] & object,
        ),
      );
    }
    default:
      throw new Error(`unknown connector call ${String(a.call)}`);
  }
}

const ops: Record<string, (a: Args) => Promise<unknown>> = { msalToken, authenticate, userToken, connector };

function errorOf(err: unknown): Record<string, unknown> {
  const e = err as { message?: string; statusCode?: number; errorCode?: string; code?: string; body?: unknown };
  return {
    message: e.message ?? String(err),
    ...(typeof e.statusCode === 'number' ? { status: e.statusCode } : {}),
    ...(e.errorCode ? { code: e.errorCode } : e.code ? { code: e.code } : {}),
  };
}

const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (line) => {
  const req = JSON.parse(line) as { id: number; op: string; args: Args };
  const op = ops[req.op];
  const run = op ? op(req.args) : Promise.reject(new Error(`unknown op ${req.op}`));
  run.then(
    (result) => process.stdout.write(`${JSON.stringify({ id: req.id, ok: true, result })}\n`),
    (err: unknown) => process.stdout.write(`${JSON.stringify({ id: req.id, ok: false, error: errorOf(err) })}\n`),
  );
});
rl.on('close', () => process.exit(0));
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
