/**
 * The Bot Framework endpoints of each cloud a Teams bot can live in (BOT_CLOUD), and how one deployment's
 * endpoints are resolved from a preset plus the per-endpoint overrides (BOT_LOGIN_URL, BOT_OAUTH_SCOPE, …).
 * Pure data and pure functions; bot/config.ts parses the variables, bot/teams/adapter.ts hands the result to
 * botbuilder as its documented settings (ChannelService, ToChannelFromBotLoginUrl, OAuthUrl, …).
 *
 * Sources of the preset values (checked 2026-12-07):
 * - public: botframework-connector 4.23.3 `AuthenticationConstants` (lib/auth/authenticationConstants.js), with the
 *   token service of "OAuth URL support in Azure AI Bot Service"
 *   (https://learn.microsoft.com/azure/bot-service/ref-oauth-redirect-urls): https://token.botframework.com.
 * - gcch: "Configure Bot Framework bots for US Government customers", section "Configure for Office 365 GCC High"
 *   (https://learn.microsoft.com/azure/bot-service/how-to-deploy-gov-cloud-high), which agrees with
 *   botframework-connector's `GovernmentConstants` except for the token service (tokengcch.botframework.azure.us).
 * - dod: as gcch (`GovernmentConstants`), except the token service, apiDoD.botframework.azure.us, taken from the
 *   Teams SDK's sovereign-cloud presets (microsoft/teams.ts `US_GOV_DOD`; Teams SDK "Sovereign Cloud Configuration",
 *   https://microsoft.github.io/teams-sdk/csharp/essentials/app-configuration/sovereign-cloud).
 * - china: "Configure a bot in Azure operated by 21Vianet"
 *   (https://docs.azure.cn/en-us/bot-service/how-to-deploy-china-cloud), section "Configure UserAssignedMSI/
 *   SingleTenant Bot": login.partner.microsoftonline.cn/<tenant>, api.botframework.azure.cn,
 *   login.botframework.azure.cn, token.botframework.azure.cn.
 */

export const BOT_CLOUDS = ['public', 'gcch', 'dod', 'china'] as const;
export type BotCloud = (typeof BOT_CLOUDS)[number];

/** The settings botbuilder's ConfigurationBotFrameworkAuthentication reads, resolved for one deployment. */
export interface BotEndpoints {
  cloud: BotCloud;
  /** ChannelService ('' for the public cloud). */
  channelService: string;
  /** ToChannelFromBotLoginUrl: the authority the bot gets its own (client credentials) token from. */
  loginUrl: string;
  /** ToChannelFromBotOAuthScope: the audience of the bot's own token. */
  oauthScope: string;
  /** ToBotFromChannelTokenIssuer: the issuer of the JWTs the channel puts on activities. */
  tokenIssuer: string;
  /** ToBotFromChannelOpenIdMetadataUrl: where the keys of those JWTs are published. */
  openIdMetadataUrl: string;
  /** OAuthUrl: the Bot Framework token service (user tokens, SSO exchange, sign-in resources). */
  tokenServiceUrl: string;
  /** ToBotFromEmulatorOpenIdMetadataUrl (per cloud, not configurable). */
  emulatorOpenIdMetadataUrl: string;
  /** CallerId botbuilder stamps on authenticated activities (per cloud). */
  callerId?: string;
}

interface CloudPreset {
  channelService: string;
  /** The login host's origin plus '/', to which the tenant is appended. */
  loginPrefix: string;
  /** The tenant a multi-tenant bot gets its token from. */
  multiTenantAuthority: string;
  oauthScope: string;
  tokenIssuer: string;
  openIdMetadataUrl: string;
  tokenServiceUrl: string;
  emulatorOpenIdMetadataUrl: string;
  callerId?: string;
}

const US_GOV_COMMON = {
  channelService: 'https://botframework.azure.us',
  loginPrefix: 'https://login.microsoftonline.us/',
  multiTenantAuthority: 'MicrosoftServices.onmicrosoft.us',
  oauthScope: 'https://api.botframework.us',
  tokenIssuer: 'https://api.botframework.us',
  openIdMetadataUrl: 'https://login.botframework.azure.us/v1/.well-known/openidconfiguration',
  emulatorOpenIdMetadataUrl:
    'https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0/.well-known/openid-configuration',
  callerId: 'urn:botframework:azureusgov',
} as const;

export const CLOUD_PRESETS: Readonly<Record<BotCloud, CloudPreset>> = {
  public: {
    channelService: '',
    loginPrefix: 'https://login.microsoftonline.com/',
    multiTenantAuthority: 'botframework.com',
    oauthScope: 'https://api.botframework.com',
    tokenIssuer: 'https://api.botframework.com',
    openIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
    tokenServiceUrl: 'https://token.botframework.com',
    emulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    callerId: 'urn:botframework:azure',
  },
  gcch: { ...US_GOV_COMMON, tokenServiceUrl: 'https://tokengcch.botframework.azure.us' },
  dod: { ...US_GOV_COMMON, tokenServiceUrl: 'https://apiDoD.botframework.azure.us' },
  china: {
    channelService: 'https://botframework.azure.cn',
    loginPrefix: 'https://login.partner.microsoftonline.cn/',
    multiTenantAuthority: 'microsoftservices.partner.onmschina.cn',
    oauthScope: 'https://api.botframework.azure.cn',
    tokenIssuer: 'https://api.botframework.azure.cn',
    openIdMetadataUrl: 'https://login.botframework.azure.cn/v1/.well-known/openidconfiguration',
    tokenServiceUrl: 'https://token.botframework.azure.cn',
    emulatorOpenIdMetadataUrl:
      'https://login.partner.microsoftonline.cn/a55a4d5b-9241-49b1-b4ff-befa8db00269/v2.0/.well-known/openid-configuration',
  },
};

/** The Microsoft Entra login hosts of every cloud: MSAL knows them and needs no instance discovery for them. */
const MICROSOFT_LOGIN_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'login.microsoftonline.us',
  'login.partner.microsoftonline.cn',
  'login.chinacloudapi.cn',
]);

/** True when `loginUrl`'s host is one of Microsoft's own login hosts. Throws TypeError on a non-URL. */
export function isMicrosoftLoginHost(loginUrl: string): boolean {
  return MICROSOFT_LOGIN_HOSTS.has(new URL(loginUrl).hostname.toLowerCase());
}

/** What overrides a preset: each BOT_* endpoint variable, when set. */
export interface EndpointOverrides {
  loginUrl?: string | undefined;
  oauthScope?: string | undefined;
  tokenIssuer?: string | undefined;
  openIdMetadataUrl?: string | undefined;
  tokenServiceUrl?: string | undefined;
  channelService?: string | undefined;
}

/**
 * The endpoints of a deployment: the cloud's preset with the overrides on top. The default login URL is
 * tenant-specific for a single-tenant bot or a managed identity, and the cloud's Bot Framework tenant for a
 * multi-tenant bot. Pure; never throws.
 */
export function resolveEndpoints(
  cloud: BotCloud,
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI',
  tenantId: string | undefined,
  overrides: EndpointOverrides = {},
): BotEndpoints {
  const preset = CLOUD_PRESETS[cloud];
  const authority = appType === 'MultiTenant' || !tenantId ? preset.multiTenantAuthority : tenantId;
  return {
    cloud,
    channelService: overrides.channelService ?? preset.channelService,
    loginUrl: overrides.loginUrl ?? `${preset.loginPrefix}${authority}`,
    oauthScope: overrides.oauthScope ?? preset.oauthScope,
    tokenIssuer: overrides.tokenIssuer ?? preset.tokenIssuer,
    openIdMetadataUrl: overrides.openIdMetadataUrl ?? preset.openIdMetadataUrl,
    tokenServiceUrl: overrides.tokenServiceUrl ?? preset.tokenServiceUrl,
    emulatorOpenIdMetadataUrl: preset.emulatorOpenIdMetadataUrl,
    ...(preset.callerId ? { callerId: preset.callerId } : {}),
  };
}
