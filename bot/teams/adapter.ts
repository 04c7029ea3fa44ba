import { TeamsAdapter } from '@microsoft/teams-ai';
import type { BotConfig } from '../config';

/**
 * The Bot Framework adapter. Production: the bot's credentials, so every incoming request's JWT is validated
 * and outgoing calls are authenticated. Local mode: anonymous, as the Agents Playground expects.
 */
export function createAdapter(config: BotConfig): TeamsAdapter {
  if (config.mode === 'production') {
    return new TeamsAdapter({
      MicrosoftAppId: config.botId,
      MicrosoftAppPassword: config.botPassword,
      MicrosoftAppTenantId: config.botTenantId,
      MicrosoftAppType: config.botAppType,
    });
  }
  return new TeamsAdapter({});
}
