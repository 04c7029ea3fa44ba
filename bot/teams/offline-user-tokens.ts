/**
 * Production: a user's delegated Graph token outside their turn, for the access-request sweeper (the approver's
 * token to retry an interrupted add, the granter's token to remove an ended time-bound membership).
 *
 * The Bot Framework token service keeps the token each user obtained through the bot's OAuth connection (Teams
 * SSO) and hands it to the bot, refreshed, for (channel user id, connection, channel) — no turn needed. The bot
 * authenticates to it with its own app credentials, through botbuilder's UserTokenClient. Tokens are never
 * stored by the bot and never logged.
 */
import {
  AuthenticationConstants,
  ClaimsIdentity,
  type BotFrameworkAuthentication,
  type UserTokenClient,
} from 'botframework-connector';
import type { Logger } from '../log';
import type { UserAddress } from './user-address';

/** A user's delegated token by Entra object id, or undefined when none can be had now (the job waits). */
export type TokenForUser = (objectId: string) => Promise<string | undefined>;

export interface OfflineUserTokenOptions {
  /**
   * Makes the bot's UserTokenClient: the same settings as the adapter's (app id, secret or managed identity,
   * tenant, token service URL).
   */
  auth: Pick<BotFrameworkAuthentication, 'createUserTokenClient'>;
  /** The bot's Microsoft App id. */
  botAppId: string;
  /** The OAuth connection on the Azure Bot resource that gives the Graph token (OAUTH_CONNECTION_NAME). */
  connectionName: string;
  /** The user's channel user id and channel, from the references the bot stored (userAddressOf). */
  addressOf(objectId: string): Promise<UserAddress | undefined>;
  log: Logger;
}

/** The claims of the bot itself, as CloudAdapter builds them for proactive work (audience and app id = the bot). */
function botClaims(botAppId: string): ClaimsIdentity {
  return new ClaimsIdentity(
    [
      { type: AuthenticationConstants.AudienceClaim, value: botAppId },
      { type: AuthenticationConstants.AppIdClaim, value: botAppId },
    ],
    true,
  );
}

/** HTTP status of a failed call, when the error carries one. */
function statusOf(err: unknown): number | undefined {
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * `tokenForUser` for production. Resolves to the user's cached token; to undefined when the bot has never heard
 * from the user, the token service has no token for them (404: they must sign in again in a turn), or the call
 * failed (logged as a warning without the token; the sweeper retries later). Never throws, never logs a token.
 */
export function offlineUserTokens(opts: OfflineUserTokenOptions): TokenForUser {
  let client: Promise<UserTokenClient> | undefined;
  const userTokenClient = (): Promise<UserTokenClient> => {
    client ??= opts.auth.createUserTokenClient(botClaims(opts.botAppId)).catch((err: unknown) => {
      client = undefined;
      throw err;
    });
    return client;
  };

  return async (objectId) => {
    try {
      const address = await opts.addressOf(objectId);
      if (!address) {
        opts.log.debug('requests.userToken.unknownUser', { objectId });
        return undefined;
      }
      const tokens = await userTokenClient();
      // '' = no magic code, as teams-ai asks for a cached token.
      const response = await tokens.getUserToken(address.userId, opts.connectionName, address.channelId, '');
      const token = response?.token;
      if (typeof token === 'string' && token) return token;
      opts.log.debug('requests.userToken.none', { objectId, connectionName: opts.connectionName });
      return undefined;
    } catch (err) {
      opts.log.warn('requests.userToken.failed', {
        objectId,
        connectionName: opts.connectionName,
        status: statusOf(err),
        error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      });
      return undefined;
    }
  };
}
