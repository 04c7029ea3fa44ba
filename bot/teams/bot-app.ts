import {
  ActivityTypes,
  CardFactory,
  INVOKE_RESPONSE_KEY,
  MessageFactory,
  type Activity,
  type InvokeResponse,
  type Storage,
  type TurnContext,
} from 'botbuilder';
import { Application, TurnState, type TeamsAdapter } from '@microsoft/teams-ai';
import { actorOf } from './actor';
import type { Logger } from '../log';
import type { Reply } from '../commands/context';
import { handleText, handleAction, welcomeReplies, type TurnServices } from './turn-handlers';
import { buildNoticeCard } from '../../cards';
import {
  SSO_FALLBACK,
  entraCode,
  signInFailureOf,
  signInFailureText,
  ssoFailureText,
  startsSignIn,
  withoutTokens,
} from './sign-in';

/**
 * What the Application is built with: every service of a turn (TurnServices, all required; bot/teams/bot-services.ts
 * builds them from the store), the requests layer's turn hooks, turn-state storage, and the deployment's settings.
 */
export interface BotAppOptions extends TurnServices {
  /** Absent for in-process use (terminal chat); required for proactive messages. */
  adapter?: TeamsAdapter;
  storage: Storage;
  /** The bot's app id; absent in local mode (anonymous adapter). */
  botAppId?: string;
  /** Production: the OAuth connection for the user's Graph token (Teams SSO); absent in local mode. */
  oauthConnectionName?: string;
  /**
   * Production: the bot's App ID URI (`api://botid-<BOT_ID>`), sent with the 401 loginRequest of a card click by a
   * user who has not signed in, so that Teams signs them in with SSO instead of a sign-in popup.
   */
  tokenExchangeUri?: string;
  /** Called for every turn with the activity's conversation reference (proactive messages later). */
  rememberConversation: (context: TurnContext) => Promise<void>;
  /**
   * Called for every installationUpdate and conversationUpdate (bot/teams/install-events.ts): remembers or forgets
   * the conversation, and delivers waiting approval cards after a personal install. Must not throw.
   */
  conversationEvent: (context: TurnContext) => Promise<void>;
}

/** Replies as Bot Framework activities: the text is the card's fallback and what screen readers say. */
export function toActivity(reply: Reply): Partial<Activity> {
  if (!reply.card) return MessageFactory.text(reply.text);
  const act = MessageFactory.attachment(CardFactory.adaptiveCard(reply.card));
  act.summary = reply.text;
  return act;
}

const TOO_LONG = 10_000;

/** The teams-ai authentication setting that holds the user's Graph token (bot/teams/user-tokens.ts reads it). */
const SETTING = 'graph';

/**
 * Adapter middleware: when the SSO token exchange of a `signin/tokenExchange` failed (the invoke is answered 412,
 * and Teams falls back to the card's Sign in button), tells the user what to do, most often missing consent.
 */
function ssoFallbackNotice(log: Logger): { onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> } {
  return {
    async onTurn(context, next) {
      if (context.activity.type !== ActivityTypes.Invoke || context.activity.name !== 'signin/tokenExchange') {
        return next();
      }
      let failed = false;
      context.onSendActivities(async (_ctx, activities, sendNext) => {
        for (const a of activities) {
          if (a.type === ActivityTypes.InvokeResponse && (a.value as InvokeResponse | undefined)?.status === 412)
            failed = true;
        }
        return sendNext();
      });
      await next();
      if (!failed) return;
      log.warn('signin.sso.failed', { status: 412 });
      await context.sendActivity(SSO_FALLBACK);
    },
  };
}

/** True for an `adaptiveCard/action` invoke carrying an Action.Execute (the only invoke the card router takes). */
function isActionExecute(activity: Partial<Activity>): boolean {
  const action = (activity.value as { action?: { type?: unknown } } | undefined)?.action;
  return (
    activity.type === ActivityTypes.Invoke &&
    activity.name === 'adaptiveCard/action' &&
    action?.type === 'Action.Execute'
  );
}

/**
 * The teams-ai Application as a thin router (docs/architecture.md, Layers): messages go to language → commands, card actions
 * (Action.Execute invokes and Action.Submit messages) go to the action handler, conversation updates get the
 * welcome card. Catch-alls are registered last so nothing goes unanswered.
 */
export function createBotApp(opts: BotAppOptions): Application<TurnState> {
  // Before the Application (whose SSO middleware this wraps): a failed silent SSO exchange (412) gets a hint.
  if (opts.adapter && opts.oauthConnectionName) opts.adapter.use(ssoFallbackNotice(opts.log));
  // Whether the user already has a token (a call to the token service); used for channel messages only.
  const signedIn = async (context: TurnContext): Promise<boolean> =>
    Boolean(await app.authentication.get(SETTING).isUserSignedIn(context));
  const app = new Application<TurnState>({
    ...(opts.adapter ? { adapter: opts.adapter } : {}),
    storage: opts.storage,
    ...(opts.botAppId ? { botAppId: opts.botAppId } : {}),
    removeRecipientMention: true,
    startTypingTimer: false,
    ...(opts.oauthConnectionName
      ? {
          authentication: {
            settings: {
              [SETTING]: {
                connectionName: opts.oauthConnectionName,
                title: 'Sign in to manage groups',
                enableSso: true,
                // A message while the sign-in card is pending ends that prompt and starts a new one with the
                // new message, instead of being swallowed until the prompt times out (15 minutes).
                endOnInvalidMessage: true,
                ...(opts.tokenExchangeUri ? { tokenExchangeUri: opts.tokenExchangeUri } : {}),
              },
            },
            autoSignIn: (context: TurnContext) => startsSignIn(context.activity, () => signedIn(context)),
          },
        }
      : {}),
  });
  const services: TurnServices = opts;

  // Every conversation event is remembered (or, for a removal, forgotten); the bot's own arrival gets the welcome.
  app.activity(ActivityTypes.ConversationUpdate, async (context) => {
    await opts.conversationEvent(context);
    const botId = context.activity.recipient?.id;
    const added = context.activity.membersAdded ?? [];
    if (added.some((m) => m.id === botId)) {
      for (const r of welcomeReplies()) await context.sendActivity(toActivity(r));
    }
  });
  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    await opts.conversationEvent(context);
  });

  /** A typed text: language → commands, answered in this turn. */
  const answerText = async (context: TurnContext, state: TurnState, text: string): Promise<void> => {
    if (text.length > TOO_LONG) {
      await context.sendActivity(
        `That message is ${text.length.toLocaleString('en-US')} characters long; I read at most ${TOO_LONG.toLocaleString('en-US')}. For long lists, paste them in parts.`,
      );
      return;
    }
    const replies = await handleText(context, state, services, actorOf(context.activity), text);
    for (const r of replies) await context.sendActivity(toActivity(r));
  };

  app.message(
    async (context) => context.activity.type === ActivityTypes.Message,
    async (context, state) => {
      await opts.rememberConversation(context);
      const actor = actorOf(context.activity);
      const value = context.activity.value as unknown;
      if (value && typeof value === 'object' && !context.activity.text) {
        const replies = await handleAction(context, state, services, actor, value, 'submit');
        for (const r of replies) await context.sendActivity(toActivity(r));
        return;
      }
      await answerText(context, state, context.activity.text ?? '');
    },
  );

  if (opts.oauthConnectionName) {
    const auth = app.authentication.get(SETTING);
    // After SSO or the magic code: teams-ai has put the message that started the sign-in back into the
    // activity's text (and the token into turn state), so the request runs without being typed again.
    auth.onUserSignInSuccess(async (context, state) => {
      await opts.rememberConversation(context);
      const text = context.activity.text ?? '';
      opts.log.info('signin.success', { restored: text.length > 0 });
      if (text.trim()) await answerText(context, state, text);
      else await context.sendActivity("You're signed in. What would you like to do?");
    });
    auth.onUserSignInFailure(async (context, _state, error) => {
      opts.log.warn('signin.failed', {
        cause: error.cause,
        code: entraCode(error.message),
        reason: withoutTokens(error.message),
      });
      await context.sendActivity(signInFailureText(error));
    });
  }

  // Teams reports a failed SSO in the client (wrong App ID URI, app not installed, ...) with signin/failure.
  app.addRoute(
    async (context) => context.activity.type === ActivityTypes.Invoke && context.activity.name === 'signin/failure',
    async (context) => {
      // Logged for the administrator (the codes name configuration errors such as resourcematchfailed), and the
      // user is told: Teams shows nothing for these codes, so the user would otherwise wait in silence.
      const failure = signInFailureOf(context.activity.value);
      opts.log.warn('signin.failure', { code: failure.code, message: failure.message });
      await context.sendActivity(ssoFailureText(failure.code));
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
    },
    true,
  );

  // A function selector is used as is by teams-ai, so it must itself check for an Action.Execute invoke:
  // `() => true` would also catch every other invoke, whose handler then throws (HTTP 501 instead of 200).
  app.adaptiveCards.actionExecute(
    async (context) => isActionExecute(context.activity),
    async (context, state, data) => {
      await opts.rememberConversation(context);
      const actor = actorOf(context.activity);
      // The whole invoke value ({action:{type, verb, data}}), not just `data`: parseCardAction then also checks
      // that the button's verb and the verb inside its data agree.
      const replies = await handleAction(context, state, services, actor, context.activity.value ?? data, 'execute');
      // The first reply replaces the card that was clicked; any others follow as new messages.
      const [first, ...rest] = replies;
      for (const r of rest) await context.sendActivity(toActivity(r));
      // A reply that keeps the clicked card (a refusal, "already done") is a message response: Teams shows it to
      // the clicker only and leaves the card as everyone sees it (docs/cards-and-conversation.md, Actions).
      if (first?.keepCard) return first.text as never;
      // Always a card: a text-only answer would leave the clicked card's buttons live beside a toast.
      const card = first?.card ?? buildNoticeCard(first?.text ?? 'Done.');
      return card as never;
    },
  );

  // Catch-alls, last: any other invoke gets a 200 so Teams shows no error; other activities are ignored politely.
  app.addRoute(
    async (context) => context.activity.type === ActivityTypes.Invoke,
    async (context) => {
      await context.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: { status: 200, body: { message: 'groupbot does not handle this action.' } },
      });
    },
    true,
  );
  app.addRoute(
    async (context) =>
      context.activity.type !== ActivityTypes.Message && context.activity.type !== ActivityTypes.Invoke,
    async () => undefined,
  );

  app.error(async (context, error) => {
    opts.log.error('turn.error', { error, activityType: context.activity.type });
    const sorry = 'Something went wrong on my side while handling that. Please check the group before trying again.';
    if (context.activity.type === ActivityTypes.Message) {
      await context.sendActivity(sorry);
    } else if (context.activity.type === ActivityTypes.Invoke && !context.turnState.get(INVOKE_RESPONSE_KEY)) {
      // Without an invoke response the adapter answers 501 and Teams shows a generic error.
      const body = isActionExecute(context.activity)
        ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: sorry }
        : { message: sorry };
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
    }
  });
  return app;
}
