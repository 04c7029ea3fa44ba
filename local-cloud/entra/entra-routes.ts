/**
 * Local Entra (login.microsoftonline.com) routes: OpenID metadata and signing keys per tenant, and the v2.0
 * token endpoint for client credentials (the bot's own token for the Bot Framework). Errors use Entra's body
 * shape (`error`, `error_description` with the AADSTS code, `error_codes`).
 */
import { randomUUID } from 'node:crypto';
import { publicJwk } from '../crypto/rsa-key';
import { HttpError, formBody, sendJson, type Route } from '../http/http-kit';
import type { AppRegistration } from './app-registration';
import { BOT_FRAMEWORK_RESOURCE, entraIssuer, signAppToken, type EntraIssuer } from './entra-tokens';

function entraError(status: number, error: string, code: number, description: string): HttpError {
  return new HttpError(status, {
    error,
    error_description: `AADSTS${code}: ${description} Trace ID: ${randomUUID()} Correlation ID: ${randomUUID()} Timestamp: ${new Date().toISOString()}`,
    error_codes: [code],
    timestamp: new Date().toISOString(),
    trace_id: randomUUID(),
    correlation_id: randomUUID(),
  });
}

/** Resources an app may get an app-only token for here. */
const APP_ONLY_RESOURCES = new Set([BOT_FRAMEWORK_RESOURCE]);

/**
 * Routes under `/{tenant}/…` for the registered tenant (also `botframework.com`, the multi-tenant bot's authority).
 * Handlers throw HttpError with Entra's error bodies (400/401), which the server sends as they are.
 */
export function entraRoutes(e: EntraIssuer, apps: () => readonly AppRegistration[], tenantId: string): Route[] {
  const known = (tenant: string): string => {
    if (tenant === tenantId || tenant === 'botframework.com' || tenant === 'organizations' || tenant === 'common')
      return tenantId;
    throw entraError(
      400,
      'invalid_tenant',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    );
  };
  const metadata: Route['handler'] = ({ params }, res) => {
    const tenant = params.tenant as string;
    known(tenant);
    const root = `${e.base}/${tenant}`;
    sendJson(res, 200, {
      token_endpoint: `${root}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${root}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: entraIssuer(e.base, tenantId),
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${e.base}/oidc/userinfo`,
      authorization_endpoint: `${root}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${root}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${root}/oauth2/v2.0/logout`,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'oid', 'tid', 'ver'],
      tenant_region_scope: 'NA',
      cloud_instance_name: 'localhost',
      cloud_graph_host_name: 'localhost',
      msgraph_host: 'localhost',
    });
  };
  return [
    { method: 'GET', pattern: /^\/(?<tenant>[^/]+)\/v2\.0\/\.well-known\/openid-configuration$/, handler: metadata },
    { method: 'GET', pattern: /^\/(?<tenant>[^/]+)\/\.well-known\/openid-configuration$/, handler: metadata },
    {
      method: 'GET',
      pattern: /^\/(?<tenant>[^/]+)\/discovery\/(?:v2\.0\/)?keys$/,
      handler: ({ params }, res) => {
        known(params.tenant as string);
        sendJson(res, 200, { keys: [publicJwk(e.key, { issuer: entraIssuer(e.base, tenantId) })] });
      },
    },
    {
      method: 'POST',
      pattern: /^\/(?<tenant>[^/]+)\/oauth2\/v2\.0\/token$/,
      handler: (r, res) => {
        const tenant = known(r.params.tenant as string);
        const form = formBody(r);
        if (form.grant_type !== 'client_credentials')
          throw entraError(
            400,
            'unsupported_grant_type',
            70003,
            `The app requested an unsupported grant type '${form.grant_type ?? ''}'.`,
          );
        let clientId = form.client_id;
        let secret = form.client_secret;
        const basic = /^Basic\s+(\S+)$/i.exec(r.req.headers.authorization ?? '');
        if (basic) {
          const [id, pw] = Buffer.from(basic[1] as string, 'base64')
            .toString('utf8')
            .split(':');
          clientId = decodeURIComponent(id ?? '');
          secret = decodeURIComponent(pw ?? '');
        }
        const app = apps().find((a) => a.appId === clientId && a.tenantId === tenant);
        if (!app)
          throw entraError(
            400,
            'unauthorized_client',
            700016,
            `Application with identifier '${clientId ?? ''}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
          );
        if (!secret || secret !== app.secret)
          throw entraError(
            401,
            'invalid_client',
            7000215,
            `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.appId}'.`,
          );
        const scopes = (form.scope ?? '').split(' ').filter(Boolean);
        if (scopes.length !== 1 || !(scopes[0] as string).endsWith('/.default'))
          throw entraError(
            400,
            'invalid_scope',
            1002012,
            `The provided value for scope ${form.scope ?? ''} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
          );
        const resource = (scopes[0] as string).slice(0, -'/.default'.length);
        if (!APP_ONLY_RESOURCES.has(resource))
          throw entraError(
            400,
            'invalid_resource',
            500011,
            `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
          );
        const { token, expiresIn } = signAppToken(e, { tenantId: tenant, appId: app.appId, audience: resource });
        sendJson(
          res,
          200,
          { token_type: 'Bearer', expires_in: expiresIn, ext_expires_in: expiresIn, access_token: token },
          { 'cache-control': 'no-store, no-cache', pragma: 'no-cache' },
        );
      },
    },
  ];
}
