/**
 * The public shape of the local cloud's Teams client: who the Teams users are, which of them have the app
 * installed, the conversations, and a driver that sends activities to the bot as a user (signed like Teams'
 * channel tokens) and records what the bot sends back through the Bot Connector.
 *
 * A user is named by a `user` string: a demo-tenant key (`'megan'`) or a UPN (`'megan@contoso.com'`).
 */

export interface TeamsUser {
  /** Demo-tenant key, e.g. `megan`. */
  key: string;
  upn: string;
  name: string;
  /** Entra object id (the activity's `from.aadObjectId`). */
  aadObjectId: string;
  /** Teams user id (MRI-like `29:…`, the activity's `from.id`), stable per user. */
  id: string;
}

export interface TeamsConversation {
  /** Conversation id: `a:…` (personal), `19:…@thread.v2` (group chat), `19:…@thread.tacv2` (channel). */
  id: string;
  kind: 'personal' | 'groupChat' | 'channel';
  name?: string;
  /** For a channel: the team's id (the General channel's id) and the team's name. */
  teamId?: string;
  teamName?: string;
  /** Entra object ids of the members (for personal: the one user). */
  memberIds: string[];
}

/** One thing the bot sent through the connector. */
export interface BotSent {
  /** `send` (POST …/activities), `reply` (POST …/activities/{id}), `update` (PUT), `delete` (DELETE). */
  kind: 'send' | 'reply' | 'update' | 'delete';
  conversationId: string;
  /** The id of the activity created, updated or deleted. */
  activityId: string;
  /** The activity as the bot sent it (JSON), absent for `delete`. */
  activity?: Record<string, unknown>;
  /** Position in the cloud-wide log (increasing). */
  seq: number;
}

/** An invoke's answer: the HTTP status the bot answered with and the invoke response body. */
export interface InvokeResult {
  status: number;
  body: unknown;
}

/** How the Teams client behaves for a user (persisted). */
export interface UserBehaviour {
  /** The user (or the admin for them) has consented to the bot's Graph scopes; without it SSO exchange fails. Default true. */
  consented: boolean;
  /** The client tries SSO (signin/tokenExchange, or `authentication` on Action.Execute). Default true. */
  sso: boolean;
  /** When SSO is off or fails, the user clicks the sign-in button and completes sign-in (magic code). Default true. */
  completesSignIn: boolean;
}

/** A sign-in the Teams client performed for a user. */
export interface SignInEvent {
  user: string;
  conversationId: string;
  /**
   * `sso`: signin/tokenExchange sent for an OAuthCard; `magic-code`: sign-in page then signin/verifyState;
   * `action-sso`: Action.Execute resent with `authentication`; `action-magic-code`: Action.Execute resent with `state`;
   * `sso-failure`: signin/failure sent because the card's resource is not the app's App ID URI (resourcematchfailed).
   */
  kind: 'sso' | 'magic-code' | 'action-sso' | 'action-magic-code' | 'sso-failure';
  /** The bot's HTTP status for the invoke sent. */
  status: number;
}

export interface WaitOptions {
  /** Default 10 000 ms. Rejects with a message naming what was awaited when it passes. */
  timeoutMs?: number;
  /** Only entries this accepts count. */
  match?: (sent: BotSent) => boolean;
}

/**
 * Which of the bot's endpoints (`setBotEndpoints`, by index) gets the requests of one call: a number for all of
 * them, or a list giving the endpoint of each request the call causes, in order (the last one repeats). Without
 * it, requests go to the endpoints in turn (round robin), as a load balancer in front of several instances would.
 */
export type Via = number | readonly number[];

export interface SendOptions {
  /**
   * The endpoint(s) for this message and, after it, for the sign-in the client does on an OAuthCard replying to it
   * (`[0, 1]`: the message to the first instance, the token exchange or magic code to the second).
   */
  via?: Via;
  /** Adds an @mention of the bot (needed in group chats and channels). Default: true outside personal chats. */
  mentionBot?: boolean;
  /** Action.Submit-style `value`. */
  value?: unknown;
  /** For a channel: the root message this is a reply to (`…;messageid=`). */
  replyToId?: string;
}

export interface TeamsClient {
  readonly tenantId: string;
  /** The serviceUrl on activities (`https://localhost:P/amer/`). */
  readonly serviceUrl: string;
  /** The bot's messaging endpoint (one instance). */
  setBotEndpoint(url: string): void;
  /**
   * Several instances of the bot behind one address: each request goes to the next endpoint in turn (round robin),
   * or where a call's `via` says. Throws Error for an empty list.
   */
  setBotEndpoints(urls: readonly string[]): void;

  /** Every Teams user of the tenant (the demo tenant's users). */
  users(): TeamsUser[];
  /** Throws Error for an unknown user. */
  user(user: string): TeamsUser;
  behaviour(user: string): UserBehaviour;
  /** Changes how the client behaves for the user (persisted). */
  setBehaviour(user: string, change: Partial<UserBehaviour>): void;

  /** The user's 1:1 chat with the bot (exists whether or not the app is installed; the bot can reach it only when it is). */
  personalConversation(user: string): TeamsConversation;
  /** The demo group chat (several users). */
  groupChat(): TeamsConversation;
  /** The demo team's channels (General first). */
  teamChannels(): TeamsConversation[];
  conversation(id: string): TeamsConversation | undefined;

  isInstalled(user: string): boolean;
  /**
   * Makes the team "Contoso Operations" the team of directory group `aadGroupId` (as when a team is created from a
   * Microsoft 365 group): later activities from the team carry it as `channelData.team.aadGroupId`.
   */
  linkTeamToGroup(aadGroupId: string): void;
  /**
   * Installs the app for the user in personal scope, as Teams (or an admin's setup policy) does: records the
   * install, then sends `installationUpdate` (add) and `conversationUpdate` (bot added) to the bot unless
   * `notify: false`. Returns the bot's HTTP statuses. Rejects when the bot cannot be reached.
   */
  install(user: string, opts?: { notify?: boolean; via?: Via }): Promise<number[]>;
  /** Uninstalls: `installationUpdate` (remove) and `conversationUpdate` (bot removed) unless `notify: false`. */
  uninstall(user: string, opts?: { notify?: boolean }): Promise<number[]>;
  /**
   * Adds the bot to a group chat or team, as `by`: `installationUpdate` + `conversationUpdate` with the bot in
   * membersAdded, unless `notify: false`. Returns the bot's HTTP statuses.
   */
  addBotTo(conversationId: string, by: string, opts?: { notify?: boolean }): Promise<number[]>;

  /** A message from the user. Returns the new activity's id and the bot's HTTP status. */
  sendMessage(
    user: string,
    conversationId: string,
    text: string,
    opts?: SendOptions,
  ): Promise<{ activityId: string; status: number }>;
  /** An invoke as the user (any name/value); returns the bot's invoke response. */
  invoke(
    user: string,
    conversationId: string,
    name: string,
    value: unknown,
    replyToId?: string,
    opts?: { via?: Via },
  ): Promise<InvokeResult>;
  /**
   * Clicks an Action.Execute button on a card the bot sent (`adaptiveCard/action`, trigger `manual`). On a 401
   * loginRequest it does what Teams does, per the user's behaviour: with a tokenExchangeResource and SSO on, resends
   * with `authentication: {id, connectionName, token}`; otherwise (or on a 412 to that) completes the sign-in page and
   * resends with `state: <magic code>`. Returns the final response. `via`: the endpoint of each of those requests
   * (`[0, 1]`: the click to the first instance, its sign-in retry to the second).
   */
  executeAction(
    user: string,
    conversationId: string,
    messageId: string,
    action: { verb: string; data?: Record<string, unknown> },
    opts?: { via?: Via },
  ): Promise<InvokeResult>;
  /**
   * Universal Actions refresh as Teams does it when the user views the card: only when the stored card has
   * `refresh.action` and the user is in `refresh.userIds` (or the conversation has at most 60 members and
   * `userIds` is absent); sends `adaptiveCard/action` with trigger `automatic`. Returns undefined when Teams would
   * not refresh for this user.
   */
  viewCard(
    user: string,
    conversationId: string,
    messageId: string,
    opts?: { via?: Via },
  ): Promise<InvokeResult | undefined>;

  /** Everything the bot sent, optionally for one conversation, in order. */
  sent(conversationId?: string): BotSent[];
  /** The activity as it stands now (after updates); undefined when unknown or deleted. */
  currentActivity(conversationId: string, activityId: string): Record<string, unknown> | undefined;
  /**
   * The next thing the bot sends to the conversation that the caller has not consumed yet (each conversation has a
   * read cursor, moved past the entry returned). Resolves at once when one is already there. Rejects on timeout.
   */
  nextSent(conversationId: string, opts?: WaitOptions): Promise<BotSent>;
  /** Sign-ins the client performed (SSO, magic code), in order. */
  signIns(): SignInEvent[];
  /** Waits for the next sign-in for the user after those already returned by this method. Rejects on timeout. */
  nextSignIn(user: string, opts?: { timeoutMs?: number }): Promise<SignInEvent>;
  /** Resolves when every sign-in the client started on its own (reacting to OAuthCards) has finished. */
  idle(): Promise<void>;
}
