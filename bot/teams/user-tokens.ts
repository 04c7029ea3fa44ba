import type { TurnContext } from 'botbuilder';
import type { TurnState } from '@microsoft/teams-ai';

/**
 * Gives the delegated Graph token of the user who sent the activity. Production: the token teams-ai obtained
 * through the OAuth connection (Teams SSO). Local mode: a token for the matching demo user, minted by the
 * local Graph emulator's identity provider.
 */
export interface UserTokenSource {
  /** Resolves to the token, or undefined when the user must sign in first (production). */
  tokenFor(context: TurnContext, state: TurnState): Promise<string | undefined>;
}

/** Production: teams-ai's authentication has put the token in turn state under the setting's name. */
export class OAuthTokenSource implements UserTokenSource {
  constructor(private readonly settingName: string) {}

  async tokenFor(_context: TurnContext, state: TurnState): Promise<string | undefined> {
    return state.temp.authTokens?.[this.settingName];
  }
}

/** Local mode: tokens minted by the local identity provider for the Teams user's Entra object id. */
export class LocalTokenSource implements UserTokenSource {
  constructor(private readonly issueFor: (objectId: string) => string | undefined) {}

  async tokenFor(context: TurnContext): Promise<string | undefined> {
    const id = context.activity.from?.aadObjectId;
    return id ? this.issueFor(id) : undefined;
  }
}
