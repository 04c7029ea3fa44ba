/**
 * The local cloud's public types: its options, the bot's app registration, its URLs, the environment it gives
 * `groupbot serve`, and the handle `startLocalCloud` returns (re-exported by local-cloud/index.ts).
 */
import type { TeamsClient } from './teams/teams-client-types';

export interface LocalCloudOptions {
  /** The local cloud's own data directory: keys, the bot's app registration, installs, conversations, user tokens. */
  dataDir: string;
  /**
   * The Graph emulator's data directory. Its CA and server certificate (`tls/`) serve the cloud, and its token
   * signing key (`keys/`) signs the delegated Graph tokens the token service hands out, so the emulator accepts
   * them. The emulator need not run; created here when absent (do not create a fresh one concurrently with it).
   */
  graphDataDir: string;
  /** 0 = any free port (default). */
  port?: number;
  /** The bot's messaging endpoint (`http://127.0.0.1:P/api/messages`); can also be set later on `teams`. */
  botEndpoint?: string;
  /** The OAuth connection registered for the bot in the token service. Default `graph`. */
  connectionName?: string;
  /**
   * The OAuth connection's Token Exchange URL, which the token service puts in tokenExchangeResource and accepts as
   * the SSO token's audience. Default: the bot's App ID URI. Any other value models the misconfiguration that makes
   * Teams answer `signin/failure` (`resourcematchfailed`) instead of SSO.
   */
  tokenExchangeUrl?: string;
  /**
   * Delegated scopes on the Graph tokens the token service issues. Default: the emulator's DEFAULT_SCOPES plus
   * TeamsAppInstallation.ReadWriteForUser (the optional permission to install groupbot for an approver).
   */
  graphScopes?: readonly string[];
  /** Where unexpected internal errors go (default: stderr, never with tokens or secrets). */
  onError?: (err: unknown) => void;
}

/** The bot's app registration in local Entra and the Bot Framework (generated once per data directory). */
export interface BotRegistration {
  /** Microsoft App ID (BOT_ID). */
  appId: string;
  /** Client secret (BOT_PASSWORD). */
  password: string;
  /** The App ID URI SSO tokens are issued for (AAD_APP_ID_URI): `api://botid-<appId>`. */
  appIdUri: string;
  /** OAuth connection name (OAUTH_CONNECTION_NAME). */
  connectionName: string;
  /** Bot display name. */
  name: string;
}

export interface LocalCloudUrls {
  /** `https://localhost:P` */
  base: string;
  /** BOT_LOGIN_URL: the Entra authority for the tenant, `https://localhost:P/<tenantId>`. */
  login: string;
  /** BOT_OPENID_METADATA_URL: `https://localhost:P/v1/.well-known/openidconfiguration`. */
  channelOpenIdMetadata: string;
  /** BOT_TOKEN_ISSUER: the `iss` of channel tokens. */
  channelTokenIssuer: string;
  /** BOT_TOKEN_SERVICE_URL: `https://localhost:P` (paths /api/usertoken/…, /api/botsignin/…). */
  tokenService: string;
  /** The serviceUrl Teams puts on activities: `https://localhost:P/amer/`. */
  serviceUrl: string;
}

/** What `botEnv` needs from the caller. */
export interface BotEnvOptions {
  /** DATABASE_URL (PostgreSQL). */
  databaseUrl: string;
  /** GRAPH_BASE_URL, e.g. the emulator's `graphUrl`. */
  graphBaseUrl?: string;
  /** PORT for `groupbot serve`, when given. */
  port?: number;
  /**
   * Sets TEAMS_APP_CATALOG_ID to groupbot's id in the emulator's app catalog, so the bot installs itself for an
   * approver who does not have it (the Graph tokens carry TeamsAppInstallation.ReadWriteForUser). Default false.
   */
  teamsAppInstall?: boolean;
}

export interface LocalCloud {
  urls: LocalCloudUrls;
  /** The CA to trust (NODE_EXTRA_CA_CERTS), the Graph emulator's. */
  caCertPath: string;
  /** The demo tenant's id (BOT_TENANT_ID). */
  tenantId: string;
  bot: BotRegistration;
  /**
   * The exact environment for `groupbot serve` in production mode (names from /work/notes/endpoints.md): BOT_ID,
   * BOT_PASSWORD, BOT_TENANT_ID, BOT_TYPE, OAUTH_CONNECTION_NAME, AAD_APP_ID_URI, DATABASE_URL, GRAPH_BASE_URL,
   * BOT_LOGIN_URL, BOT_OAUTH_SCOPE, BOT_TOKEN_ISSUER, BOT_OPENID_METADATA_URL, BOT_TOKEN_SERVICE_URL,
   * BOT_CHANNEL_SERVICE, NODE_EXTRA_CA_CERTS (and PORT when given; TEAMS_APP_CATALOG_ID with `teamsAppInstall`).
   */
  botEnv(opts: BotEnvOptions): Record<string, string>;
  /** The Teams client and Teams' view of users, installs and conversations. */
  teams: TeamsClient;
  /**
   * An SSO token as Teams gets it for a user from Entra (aud = the bot's App ID URI, scope `access_as_user`).
   * Throws for an unknown user.
   */
  issueSsoToken(user: string): string;
  /** Stops the server and flushes state. Idempotent. */
  stop(): Promise<void>;
}
