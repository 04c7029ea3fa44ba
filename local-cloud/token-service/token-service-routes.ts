/**
 * The Bot Framework token service (token.botframework.com): user tokens per connection (get, with a magic code,
 * status, AAD tokens, sign-out), the SSO token exchange (the Teams SSO token for the bot's App ID URI becomes a
 * delegated Graph token, unless the user has not consented: 400 "Consent Required", as the real service answers a
 * failed on-behalf-of), the sign-in resource (signInLink + tokenExchangeResource) and the sign-in pages that end in
 * a magic code. Every API call needs the bot's Entra token.
 */
import { JwtRejected, verifyJwt } from '../crypto/jwt';
import type { AppRegistration } from '../entra/app-registration';
import { entraIssuer } from '../entra/entra-tokens';
import { requireBotToken, type BotTokenCheck } from '../connector/bot-token-check';
import { HttpError, escapeHtml, jsonBody, sendHtml, sendJson, type Route, type RouteRequest } from '../http/http-kit';
import type { SignInFlow } from './sign-in-flow';
import type { SignedInUser, StoredToken, UserTokenStore } from './user-token-store';

export interface TokenServiceDeps {
  auth: BotTokenCheck;
  app: AppRegistration;
  store: UserTokenStore;
  flow: SignInFlow;
  /** The Graph resource the connection's tokens are for. */
  graphResource: string;
  /** Whether the user (object id) has consented to the connection's scopes. */
  consented(oid: string): boolean;
  /** Records consent (interactive sign-in asks for it). */
  grantConsent(oid: string): void;
  /** Users the sign-in page offers. */
  users(): SignedInUser[];
  /** The OAuth connection's Token Exchange URL (normally the App ID URI; another value models a misconfiguration). */
  tokenExchangeUrl: string;
}

const bad = (message: string) => new HttpError(400, { error: { code: 'BadArgument', message } });

function tokenResponse(t: StoredToken, connectionName: string, channelId: string) {
  return { channelId, connectionName, token: t.token, expiration: t.expiration };
}

/**
 * The token service's routes. Their handlers throw HttpError (401 without the bot's token, 400 for bad arguments and
 * failed exchanges), which the server sends as they are; file-system errors of the store propagate (500).
 */
export function tokenServiceRoutes(d: TokenServiceDeps): Route[] {
  const q = (r: RouteRequest, name: string, required = true): string => {
    const v = r.url.searchParams.get(name) ?? '';
    if (required && !v) throw bad(`The ${name} parameter is required.`);
    return v;
  };
  const connection = (r: RouteRequest, param = 'connectionName', required = true): string => {
    requireBotToken(d.auth, r.req);
    const name = q(r, param, required);
    if (name && name.toLowerCase() !== d.app.connectionName.toLowerCase())
      throw bad(`The connection '${name}' does not exist for this bot.`);
    return name;
  };
  const link = (r: RouteRequest): { ticketId: string } => {
    requireBotToken(d.auth, r.req);
    let state: {
      connectionName?: string;
      msAppId?: string;
      conversation?: { user?: { id?: string }; channelId?: string };
    };
    try {
      state = JSON.parse(Buffer.from(q(r, 'state'), 'base64').toString('utf8')) as typeof state;
    } catch (err) {
      if (err instanceof SyntaxError) throw bad('The state parameter is not valid.');
      throw err;
    }
    const userId = state.conversation?.user?.id;
    const channelId = state.conversation?.channelId;
    if (state.msAppId !== d.app.appId || !userId || !channelId) throw bad('The state parameter is not valid.');
    if ((state.connectionName ?? '').toLowerCase() !== d.app.connectionName.toLowerCase())
      throw bad(`The connection '${state.connectionName ?? ''}' does not exist for this bot.`);
    return {
      ticketId: d.flow.open({ connectionName: d.app.connectionName, msAppId: d.app.appId, userId, channelId }),
    };
  };
  const signInLink = (base: string, ticketId: string) => `${base}/api/oauth/signin?signin=${ticketId}`;
  const baseOf = (r: RouteRequest) => `https://${r.req.headers.host ?? 'localhost'}`;

  return [
    {
      method: 'GET',
      pattern: /^\/api\/usertoken\/GetToken$/,
      handler: (r, res) => {
        const name = connection(r);
        const userId = q(r, 'userId');
        const channelId = q(r, 'channelId');
        const code = q(r, 'code', false);
        if (code) {
          const user = d.flow.redeem(code, userId, name, channelId);
          if (!user) return sendJson(res, 404);
          return sendJson(res, 200, tokenResponse(d.store.put(userId, name, channelId, user), name, channelId));
        }
        const t = d.store.get(userId, name, channelId);
        if (!t) return sendJson(res, 404);
        sendJson(res, 200, tokenResponse(t, name, channelId));
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/usertoken\/GetAadTokens$/,
      handler: (r, res) => {
        const name = connection(r);
        const userId = q(r, 'userId');
        const channelId = q(r, 'channelId');
        const urls = (jsonBody(r).resourceUrls ?? []) as unknown;
        if (!Array.isArray(urls)) throw bad('resourceUrls must be a list.');
        const t = d.store.get(userId, name, channelId);
        const out: Record<string, unknown> = {};
        if (t) for (const u of urls) if (u === d.graphResource) out[u] = tokenResponse(t, name, channelId);
        sendJson(res, 200, out);
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/api\/usertoken\/SignOut$/,
      handler: (r, res) => {
        const name = connection(r, 'connectionName', false);
        d.store.remove(q(r, 'userId'), name || undefined, q(r, 'channelId'));
        sendJson(res, 200, {});
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/usertoken\/GetTokenStatus$/,
      handler: (r, res) => {
        requireBotToken(d.auth, r.req);
        const userId = q(r, 'userId');
        const channelId = q(r, 'channelId');
        const include = q(r, 'include', false);
        const statuses =
          include && !include.split(',').some((n) => n.trim().toLowerCase() === d.app.connectionName.toLowerCase())
            ? []
            : [
                {
                  channelId,
                  connectionName: d.app.connectionName,
                  hasToken: d.store.has(userId, d.app.connectionName, channelId),
                  serviceProviderDisplayName: 'Azure Active Directory v2',
                },
              ];
        sendJson(res, 200, statuses);
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/usertoken\/exchange$/,
      handler: (r, res) => {
        const name = connection(r);
        const userId = q(r, 'userId');
        const channelId = q(r, 'channelId');
        const body = jsonBody(r);
        const ssoToken = typeof body.token === 'string' ? body.token : '';
        if (!ssoToken) throw bad('The token is required.');
        if (typeof body.uri === 'string' && body.uri && body.uri !== d.tokenExchangeUrl)
          throw bad(`The uri '${body.uri}' does not match the connection's token exchange URL.`);
        let claims: Record<string, unknown>;
        try {
          claims = verifyJwt(d.auth.entraKey, ssoToken, {
            issuer: entraIssuer(d.auth.base, d.auth.tenantId),
            audience: [d.tokenExchangeUrl, d.app.appId],
          });
        } catch (err) {
          if (err instanceof JwtRejected)
            throw bad(
              `Token exchange failed: AADSTS50013: Assertion failed signature validation or is invalid (${err.message}).`,
            );
          throw err;
        }
        if (
          !String(claims.scp ?? '')
            .split(' ')
            .includes('access_as_user')
        )
          throw bad('Token exchange failed: AADSTS65005: the token was not issued for the access_as_user scope.');
        const user: SignedInUser = { oid: String(claims.oid), upn: String(claims.upn), name: String(claims.name) };
        if (!d.consented(user.oid))
          throw bad(
            `Consent Required: AADSTS65001: The user or administrator has not consented to use the application with ID '${d.app.appId}' named '${d.app.name}'. Send an interactive authorization request for this user and resource.`,
          );
        sendJson(res, 200, tokenResponse(d.store.put(userId, name, channelId, user), name, channelId));
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/botsignin\/GetSignInResource$/,
      handler: (r, res) => {
        const { ticketId } = link(r);
        sendJson(res, 200, {
          signInLink: signInLink(baseOf(r), ticketId),
          tokenExchangeResource: { id: ticketId, uri: d.tokenExchangeUrl, providerId: d.app.providerId },
        });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/botsignin\/GetSignInUrl$/,
      handler: (r, res) => {
        const { ticketId } = link(r);
        const text = signInLink(baseOf(r), ticketId);
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/oauth\/signin$/,
      handler: (r, res) => {
        const ticketId = r.url.searchParams.get('signin') ?? '';
        if (!d.flow.ticket(ticketId))
          return sendHtml(res, 400, page('Sign-in link expired', '<p>This sign-in link is no longer valid.</p>'));
        const items = d
          .users()
          .map(
            (u) =>
              `<li><a href="/api/oauth/signin/complete?signin=${encodeURIComponent(ticketId)}&amp;user=${encodeURIComponent(u.upn)}">${escapeHtml(u.name)} (${escapeHtml(u.upn)})</a></li>`,
          )
          .join('');
        sendHtml(res, 200, page('Pick an account', `<p>Sign in to ${escapeHtml(d.app.name)} as:</p><ul>${items}</ul>`));
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/oauth\/signin\/complete$/,
      handler: (r, res) => {
        const upn = (r.url.searchParams.get('user') ?? '').toLowerCase();
        const user = d.users().find((u) => u.upn.toLowerCase() === upn);
        if (!user) return sendHtml(res, 400, page('Unknown account', '<p>No such account in this tenant.</p>'));
        const code = d.flow.complete(r.url.searchParams.get('signin') ?? '', user);
        if (!code)
          return sendHtml(res, 400, page('Sign-in link expired', '<p>This sign-in link is no longer valid.</p>'));
        d.grantConsent(user.oid);
        sendHtml(
          res,
          200,
          page(
            'Signed in',
            `<p>Signed in as ${escapeHtml(user.name)}. Enter this code in the conversation to finish signing in:</p><p><code id="magic-code">${code}</code></p>`,
          ),
        );
      },
    },
  ];
}

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

/** Reads the magic code out of the sign-in completion page; undefined when the page has none. */
export function magicCodeOf(html: string): string | undefined {
  return /<code id="magic-code">(\d{6})<\/code>/.exec(html)?.[1];
}
