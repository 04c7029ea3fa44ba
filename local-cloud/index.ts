/**
 * The local cloud: wire-compatible local parts for what Teams and Azure do for a production-mode bot, on one HTTPS
 * server on 127.0.0.1 whose certificate comes from the Graph emulator's local CA (so one NODE_EXTRA_CA_CERTS file
 * trusts both):
 *
 * - Entra (login.microsoftonline.com): `/{tenant}/v2.0/.well-known/openid-configuration`,
 *   `/{tenant}/oauth2/v2.0/token` (client credentials for the bot), `/{tenant}/discovery/v2.0/keys`;
 * - Bot Framework channel auth (login.botframework.com): `/v1/.well-known/openidconfiguration`, `/v1/.well-known/keys`
 *   (with `endorsements`), the keys that sign the JWTs Teams puts on activities;
 * - the Bot Framework token service (token.botframework.com): `/api/usertoken/*`, `/api/botsignin/GetSignInResource`,
 *   and a sign-in page that completes as a chosen user and shows a magic code;
 * - a Bot Connector with Teams' behaviour (smba.trafficmanager.net/amer/): `/amer/v3/conversations…`;
 * - a Teams client (`teams`), a library that sends signed activities to the bot as a user and records what the bot
 *   sends back.
 *
 * Usage:
 * ```ts
 * const emulator = await startEmulator({ dataDir: graphDir });
 * const cloud = await startLocalCloud({ dataDir: cloudDir, graphDataDir: graphDir });
 * const env = cloud.botEnv({ databaseUrl, graphBaseUrl: emulator.graphUrl, port: 3978 });
 * // start `groupbot serve` with { ...process.env, ...env }, then:
 * cloud.teams.setBotEndpoint('http://127.0.0.1:3978/api/messages');
 * await cloud.teams.install('megan');
 * const chat = cloud.teams.personalConversation('megan');
 * await cloud.teams.sendMessage('megan', chat.id, 'my groups');
 * const reply = await cloud.teams.nextSent(chat.id, { timeoutMs: 10_000 });
 * await cloud.stop();
 * ```
 */
import type { LocalCloud, LocalCloudOptions } from './cloud-types';
import { startCloud } from './cloud-start';

export { GROUPBOT_CATALOG_APP_ID } from '../graph-emulator/teamwork/app-catalog';

export type {
  TeamsClient,
  TeamsUser,
  TeamsConversation,
  BotSent,
  InvokeResult,
  UserBehaviour,
  SignInEvent,
  WaitOptions,
  SendOptions,
  Via,
} from './teams/teams-client-types';

export type { LocalCloudOptions, BotRegistration, LocalCloudUrls, BotEnvOptions, LocalCloud } from './cloud-types';

/**
 * Starts the local cloud on 127.0.0.1. State persists under `dataDir` (keys are generated once and reused).
 * Rejects when a directory is unusable or the port is taken.
 */
export function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  return startCloud(options);
}
