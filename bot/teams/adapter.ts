import {
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { isMicrosoftLoginHost } from '../cloud-endpoints';
import type { BotConfig } from '../config';
import { botCredentialsFactory } from './bot-credentials';

/**
 * The Bot Framework adapter, taking activities that bot/server.ts has already read, bounded and checked (rather
 * than a raw request, whose parsing errors botbuilder would answer with a 500 and its internal text).
 */
export class CheckedTeamsAdapter extends TeamsAdapter {
  /**
   * Runs one turn for a checked activity. Resolves to the invoke response, if the turn produced one.
   * @throws AuthenticationError when the Authorization header is not a valid Bot Framework token (production);
   *   the turn's own error otherwise.
   */
  runChecked(
    authorization: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

/**
 * botbuilder's documented authentication settings for a production bot: the app's identity and the endpoints of
 * its cloud (BOT_CLOUD and the BOT_* overrides, resolved by bot/config.ts). All endpoint settings are given, so
 * botbuilder uses them as they are (its ParameterizedBotFrameworkAuthentication) whatever the cloud.
 * Throws TypeError when a production config lacks its endpoints (a config not made by loadConfig).
 */
export function botFrameworkAuthConfig(config: BotConfig): ConfigurationBotFrameworkAuthenticationOptions {
  const endpoints = config.botEndpoints;
  if (!endpoints) throw new TypeError('A production BotConfig needs botEndpoints (loadConfig sets them).');
  return {
    ...(config.botId ? { MicrosoftAppId: config.botId } : {}),
    ...(config.botPassword ? { MicrosoftAppPassword: config.botPassword } : {}),
    ...(config.botTenantId ? { MicrosoftAppTenantId: config.botTenantId } : {}),
    ...(config.botAppType ? { MicrosoftAppType: config.botAppType } : {}),
    ChannelService: endpoints.channelService,
    // Instance discovery is for Microsoft's login hosts only; a private authority is trusted as configured.
    ValidateAuthority: isMicrosoftLoginHost(endpoints.loginUrl),
    ToChannelFromBotLoginUrl: endpoints.loginUrl,
    ToChannelFromBotOAuthScope: endpoints.oauthScope,
    ToBotFromChannelTokenIssuer: endpoints.tokenIssuer,
    ToBotFromChannelOpenIdMetadataUrl: endpoints.openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: endpoints.emulatorOpenIdMetadataUrl,
    OAuthUrl: endpoints.tokenServiceUrl,
    ...(endpoints.callerId ? { CallerId: endpoints.callerId } : {}),
  } as ConfigurationBotFrameworkAuthenticationOptions;
}

/**
 * The Bot Framework adapter. Production: the bot's credentials and its cloud's endpoints, so every incoming
 * request's JWT is validated against that cloud's keys and outgoing calls get a token from its login authority.
 * Local mode: anonymous, as the Agents Playground expects (bot/server.ts then demands the local credential).
 */
export function createAdapter(config: BotConfig): CheckedTeamsAdapter {
  if (config.mode === 'production') {
    return new CheckedTeamsAdapter(botFrameworkAuthConfig(config), botCredentialsFactory(config));
  }
  return new CheckedTeamsAdapter({});
}

/**
 * A BotFrameworkAuthentication with the adapter's own settings and credentials (same cloud, same token
 * service), for work outside a turn such as reading users' cached tokens. Throws what botbuilder throws for
 * invalid settings.
 */
export function botFrameworkAuthenticationOf(adapter: TeamsAdapter): ConfigurationBotFrameworkAuthentication {
  return new ConfigurationBotFrameworkAuthentication(adapter.botFrameworkAuthConfig ?? {}, adapter.credentialsFactory);
}
