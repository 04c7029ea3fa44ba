/**
 * The bot's own credentials (client credentials for its Bot Framework token) when its login authority is not a
 * Microsoft login host (BOT_LOGIN_URL pointing at a private or local Entra-compatible endpoint). botframework-
 * connector's default factory would hand such an authority to MSAL, and MSAL asks login.microsoftonline.com for
 * "instance discovery" of any authority it does not know. Here the MSAL client is built with `knownAuthorities`
 * naming that host, so MSAL trusts it as is and talks to it alone, and it is handed to botframework-connector's
 * public MsalServiceClientCredentialsFactory. Microsoft's own clouds keep botbuilder's default factory.
 */
import { ConfidentialClientApplication, LogLevel } from '@azure/msal-node';
import { MsalServiceClientCredentialsFactory, type ServiceClientCredentialsFactory } from 'botframework-connector';
import { isMicrosoftLoginHost } from '../cloud-endpoints';
import type { BotConfig } from '../config';
import type { Logger } from '../log';

/**
 * The MSAL client of a bot whose authority is `loginUrl` (not a Microsoft login host): `knownAuthorities` holds
 * that host, so no instance discovery happens. MSAL's own log lines go to `log` at debug, never with PII.
 * Throws TypeError when `loginUrl` is not a URL.
 */
export function privateAuthorityClient(
  appId: string,
  password: string,
  loginUrl: string,
  log?: Logger,
): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId: appId,
      clientSecret: password,
      authority: loginUrl,
      knownAuthorities: [new URL(loginUrl).host],
    },
    system: {
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (_level, message) => log?.debug('msal', { message }),
      },
    },
  });
}

/**
 * The credentials factory for a production bot, or undefined when botbuilder's default one is right: Microsoft's
 * login hosts, local mode, and a managed identity (which gets its token from the Azure instance metadata
 * service, not from the login URL). Throws TypeError when the configured login URL is not a URL.
 */
export function botCredentialsFactory(config: BotConfig, log?: Logger): ServiceClientCredentialsFactory | undefined {
  const endpoints = config.botEndpoints;
  if (config.mode !== 'production' || !endpoints || !config.botId || !config.botPassword) return undefined;
  if (config.botAppType === 'UserAssignedMSI' || isMicrosoftLoginHost(endpoints.loginUrl)) return undefined;
  return new MsalServiceClientCredentialsFactory(
    config.botId,
    privateAuthorityClient(config.botId, config.botPassword, endpoints.loginUrl, log),
  );
}
