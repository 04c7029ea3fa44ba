import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { BotConfig } from '../config';

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
 * The Bot Framework adapter. Production: the bot's credentials, so every incoming request's JWT is validated
 * and outgoing calls are authenticated. Local mode: anonymous, as the Agents Playground expects (bot/server.ts
 * then demands the local credential instead).
 */
export function createAdapter(config: BotConfig): CheckedTeamsAdapter {
  if (config.mode === 'production') {
    return new CheckedTeamsAdapter({
      MicrosoftAppId: config.botId,
      MicrosoftAppPassword: config.botPassword,
      MicrosoftAppTenantId: config.botTenantId,
      MicrosoftAppType: config.botAppType,
    });
  }
  return new CheckedTeamsAdapter({});
}
