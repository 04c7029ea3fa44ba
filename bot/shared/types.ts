/**
 * Types every layer shares: who acts, and what the bot says. bot/commands, bot/journal, bot/requests and bot/teams
 * all import them from here, so none of them has to import another for these.
 */

/** Who is acting: the signed-in user whose delegated token every Graph call carries. */
export interface Actor {
  /** Entra object id (Teams `from.aadObjectId`). */
  id: string;
  displayName: string;
  userPrincipalName?: string;
}

/** A message the bot sends: always text (fallback and accessibility), optionally an Adaptive Card. */
export interface Reply {
  text: string;
  card?: Record<string, unknown>;
  /**
   * As the first answer to a card click: leave the clicked card as it is and show `text` to the clicker only (a
   * refusal, "already done", a pointer to a new message). Without it the first reply's card replaces the clicked one.
   */
  keepCard?: true;
}

/** Someone the store, the journal and the request workflow record by id and display name. */
export interface PersonRef {
  id: string;
  name: string;
}
