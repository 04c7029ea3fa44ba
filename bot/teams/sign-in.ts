/**
 * When groupbot starts a sign-in, and what it tells the user and the log when sign-in goes wrong (production, Teams
 * SSO through the Bot Framework OAuth connection). Pure, apart from the `signedIn` callback it is handed.
 */
import type { Activity } from 'botbuilder';
import { conversationKind } from './conversation-kind';
import { needsToken } from '../commands/card-verb-handlers';

/** A Universal Actions refresh Teams fires by itself for each listed viewer (`trigger: "automatic"`). */
export function isAutomaticRefresh(activity: Partial<Activity>): boolean {
  const value = activity.value as { trigger?: unknown } | undefined | null;
  return activity.type === 'invoke' && activity.name === 'adaptiveCard/action' && value?.trigger === 'automatic';
}

/**
 * A card action whose verb's handler needs no token (a request card's refresh, automatic or asked for: it shows a
 * card from the store alone), as bot/commands/card-verb-handlers.ts says.
 */
function isTokenFreeAction(activity: Partial<Activity>): boolean {
  const value = activity.value as { action?: { verb?: unknown } } | undefined | null;
  const verb = value?.action?.verb;
  return (
    activity.type === 'invoke' &&
    activity.name === 'adaptiveCard/action' &&
    typeof verb === 'string' &&
    !needsToken(verb)
  );
}

/**
 * Whether teams-ai should sign the user in before this activity's handler runs (its `autoSignIn` selector).
 * - Refreshes: never, automatic ones (Teams sends one for every viewer of a card in chats of up to 60 people) and
 *   a request card's refresh however triggered: a viewer who never signed in must not get a sign-in prompt for
 *   looking at a card; the refresh needs no Graph token (a viewer who may not decide gets a read-only view).
 * - Messages in a channel: only when the user already has a token (`signedIn`), since Teams does not support bot
 *   SSO in channels: a sign-in card there would be posted for the whole channel. Otherwise the handler answers
 *   with CHANNEL_SIGN_IN.
 * - Everything else (1:1 and group chat messages, card clicks, signin/* invokes): yes.
 * Throws what `signedIn` throws.
 */
export async function startsSignIn(activity: Partial<Activity>, signedIn: () => Promise<boolean>): Promise<boolean> {
  if (isAutomaticRefresh(activity) || isTokenFreeAction(activity)) return false;
  if (activity.type === 'message' && conversationKind(activity.conversation) === 'channel') return signedIn();
  return true;
}

/** The answer in a channel to a user who has not signed in (one line, no card). */
export const CHANNEL_SIGN_IN =
  "To act with your permissions I need you to sign in once, and Teams doesn't allow sign-in in channels: message me in a 1:1 chat (open groupbot from Apps or click my name → Chat), then ask here again.";

/** Sent after Teams' silent SSO exchange failed (HTTP 412): the card's Sign in button is the way on. */
export const SSO_FALLBACK =
  "Single sign-on didn't work this time, so please use the Sign in button on the card. If the sign-in window says you need admin approval, groupbot does not have consent for its Microsoft Graph permissions yet: ask your Microsoft 365 administrator to grant admin consent for groupbot (Entra admin center → Enterprise applications → groupbot → Permissions).";

/** Entra error codes that mean "an administrator must consent first". */
const CONSENT_CODES = new Set(['AADSTS65001', 'AADSTS90094', 'AADSTS90099', 'AADSTS650057', 'AADSTS65004']);

/** A JWT-looking string (three base64url parts starting with `eyJ`), to keep tokens out of texts and logs. */
const JWT = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;

/** The error text with anything token-shaped replaced, cut to `max` characters. Never throws. */
export function withoutTokens(text: string, max = 300): string {
  return text.replace(JWT, '[token]').slice(0, max);
}

/** The Entra error code in a message (`AADSTS65001`), if there is one. */
export function entraCode(message: string): string | undefined {
  return /\bAADSTS\d{4,7}\b/.exec(message)?.[0];
}

/**
 * What the user is told when teams-ai reports a failed sign-in (onUserSignInFailure): with the error code, never
 * the token or the raw error. `cause` is teams-ai's AuthError cause ('completionWithoutToken', 'other', ...).
 */
export function signInFailureText(error: { message: string; cause?: unknown }): string {
  const code = entraCode(error.message);
  if (code && CONSENT_CODES.has(code)) {
    return `I couldn't sign you in: groupbot does not have consent for its Microsoft Graph permissions in your organisation yet (${code}). Ask your Microsoft 365 administrator to grant admin consent for groupbot (Entra admin center → Enterprise applications → groupbot → Permissions → Grant admin consent), then send your request again.`;
  }
  const reason = code ?? (typeof error.cause === 'string' && error.cause ? error.cause : 'other');
  if (reason === 'completionWithoutToken') {
    return "Sign-in didn't complete, so I did nothing. Send your request again to get a new sign-in card; if sign-in keeps failing, ask your administrator to check groupbot's sign-in setup (code: completionWithoutToken).";
  }
  return `I couldn't sign you in (code: ${reason}), so I did nothing. Please try again; if it keeps failing, ask your administrator to check groupbot's sign-in setup and quote that code.`;
}

/**
 * What the user is told when Teams reports that its single sign-on failed in the client (`signin/failure`): Teams
 * itself shows nothing for codes such as `resourcematchfailed`, so without this the user would wait in silence.
 */
export function ssoFailureText(code: string): string {
  const setup =
    code === 'resourcematchfailed'
      ? " The app's App ID URI does not match its sign-in setup: ask your administrator to check that the manifest's webApplicationInfo.resource, the app registration's Application ID URI and the OAuth connection's Token Exchange URL are the same api://botid-… value."
      : " If it keeps failing, ask your administrator to check groupbot's sign-in setup and quote that code.";
  return `Teams couldn't sign you in silently (code: ${code}), so please use the Sign in button on the card.${setup}`;
}

/** The `code` and `message` of a Teams `signin/failure` invoke value; strings cut short, tokens removed. */
export function signInFailureOf(value: unknown): { code: string; message: string } {
  const v = (value && typeof value === 'object' ? value : {}) as { code?: unknown; message?: unknown };
  const code = typeof v.code === 'string' && v.code ? v.code.slice(0, 64) : 'unknown';
  const message = typeof v.message === 'string' ? withoutTokens(v.message) : '';
  return { code, message };
}
