/**
 * Test-side mapping of the production-mode environment (names in /work/notes/endpoints.md, values from
 * `LocalCloud.botEnv`) to botbuilder's configuration and an MSAL client that knows the local authority — what a
 * production bot does, written here so the wire tests exercise botbuilder's own code against the local cloud.
 */
import { ConfidentialClientApplication } from '@azure/msal-node';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { MsalServiceClientCredentialsFactory } from 'botframework-connector';

/** botbuilder's configuration keys from the environment. Throws when BOT_ID or BOT_PASSWORD is missing. */
export function botFrameworkConfig(env: NodeJS.ProcessEnv): Record<string, string> {
  if (!env.BOT_ID || !env.BOT_PASSWORD) throw new Error('BOT_ID and BOT_PASSWORD are required');
  return {
    MicrosoftAppId: env.BOT_ID,
    MicrosoftAppPassword: env.BOT_PASSWORD,
    MicrosoftAppTenantId: env.BOT_TENANT_ID ?? '',
    MicrosoftAppType: env.BOT_TYPE ?? 'SingleTenant',
    ToChannelFromBotLoginUrl: env.BOT_LOGIN_URL ?? '',
    ToChannelFromBotOAuthScope: env.BOT_OAUTH_SCOPE ?? '',
    ToBotFromChannelTokenIssuer: env.BOT_TOKEN_ISSUER ?? '',
    ToBotFromChannelOpenIdMetadataUrl: env.BOT_OPENID_METADATA_URL ?? '',
    OAuthUrl: env.BOT_TOKEN_SERVICE_URL ?? '',
    ChannelService: env.BOT_CHANNEL_SERVICE ?? '',
    ValidateAuthority: 'true',
  };
}

/** MSAL's confidential client for the bot, with the login host as a known authority (no instance discovery). */
export function msalClient(env: NodeJS.ProcessEnv): ConfidentialClientApplication {
  const authority = env.BOT_LOGIN_URL as string;
  return new ConfidentialClientApplication({
    auth: {
      clientId: env.BOT_ID as string,
      clientSecret: env.BOT_PASSWORD as string,
      authority,
      knownAuthorities: [new URL(authority).host],
    },
  });
}

export function credentialsFactory(env: NodeJS.ProcessEnv): MsalServiceClientCredentialsFactory {
  return new MsalServiceClientCredentialsFactory(env.BOT_ID as string, msalClient(env));
}

/** The BotFrameworkAuthentication a CloudAdapter would use. */
export function botFrameworkAuthentication(env: NodeJS.ProcessEnv): ConfigurationBotFrameworkAuthentication {
  return new ConfigurationBotFrameworkAuthentication(botFrameworkConfig(env), credentialsFactory(env));
}
