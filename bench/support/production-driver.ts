/**
 * The production-mode variant of the bot-turn benchmark: `groupbot serve` in PRODUCTION mode against the local
 * cloud (test/production/support/production-stack.ts: private PostgreSQL, Graph emulator, local cloud, the bot
 * with the cloud's botEnv() and NODE_EXTRA_CA_CERTS). Each turn POSTs an activity signed with a channel token, as
 * Teams does (test/production/support/channel-post.ts), so the bot validates the JWT (issuer, audience, signature,
 * serviceurl claim) on every turn, reads the user's token from the local token service, and replies through the
 * local cloud's Bot Connector with its MSAL token (acquired on the first turn, then cached).
 *
 * The user (megan) signs in once by SSO before timing: the first message gets an OAuthCard, the local Teams client
 * exchanges an SSO token for it, and the bot answers the message. The channel token of each turn is signed before
 * the clock starts (Teams does not sign per message either).
 */
import * as fs from 'node:fs';
import type { TeamsConversation } from '../../local-cloud';
import { ChannelPoster } from '../../test/production/support/channel-post';
import { startProductionStack, type ProductionStack } from '../../test/production/support/production-stack';
import { isSignInCard, textOf } from '../../test/production/support/sent-activity';
import type { TurnDriver } from './turn-driver';

const USER = 'megan';

/**
 * Why the production variant cannot run here, or undefined when it can: it needs TEST_DATABASE_URL or Debian's
 * PostgreSQL binaries (`/usr/lib/postgresql/<v>/bin/initdb`, what scripts/postgres-for-tests.sh uses).
 */
export function postgresMissing(): string | undefined {
  if (process.env.TEST_DATABASE_URL) return undefined;
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base) : [];
  if (versions.some((v) => fs.existsSync(`${base}/${v}/bin/initdb`))) return undefined;
  return 'PostgreSQL binaries not found (/usr/lib/postgresql/*/bin/initdb) and TEST_DATABASE_URL unset; run scripts/test.sh as root once to install them';
}

/** A TurnDriver for `groupbot serve` in production mode; stop() tears the whole stack down. */
export class ProductionDriver implements TurnDriver {
  readonly times: number[] = [];
  readonly target = undefined;
  private n = 0;

  private constructor(
    readonly name: string,
    private readonly stack: ProductionStack,
    private readonly poster: ChannelPoster,
    private readonly chat: TeamsConversation,
    private readonly utterance: string,
    private readonly expect: RegExp,
  ) {}

  /**
   * Starts the stack with one bot, installs the app for the user and signs them in by SSO with one message of
   * `utterance`, whose answer must match `expect`. Rejects (after stopping the stack) when anything of that fails.
   */
  static async start(name: string, utterance: string, expect: RegExp): Promise<ProductionDriver> {
    const stack = await startProductionStack({ instances: 1 });
    try {
      const { teams } = stack.cloud;
      await teams.install(USER);
      const chat = teams.personalConversation(USER);
      const sent = await teams.sendMessage(USER, chat.id, utterance);
      if (sent.status !== 200) throw new Error(`${name}: the first message got HTTP ${sent.status}`);
      const signIn = await teams.nextSignIn(USER, { timeoutMs: 30_000 });
      if (signIn.kind !== 'sso' || signIn.status !== 200)
        throw new Error(`${name}: the SSO sign-in before timing ended as ${signIn.kind} ${signIn.status}`);
      await teams.nextSent(chat.id, {
        timeoutMs: 30_000,
        match: (s) => !isSignInCard(s) && expect.test(textOf(s)),
      });
      await teams.idle();
      return new ProductionDriver(name, stack, new ChannelPoster(stack.cloud, stack.cloudDir), chat, utterance, expect);
    } catch (err) {
      process.stderr.write(`${stack.tail()}\n`);
      await stack.stop();
      throw err;
    }
  }

  /** See TurnDriver.turn. The reply is the bot's first activity in the chat that answers this one (replyToId). */
  async turn(record: boolean): Promise<void> {
    const i = this.n++;
    const { teams } = this.stack.cloud;
    const activity = this.poster.activity(USER, this.chat, {
      type: 'message',
      id: `bench-${Date.now()}-${i}`,
      text: this.utterance,
      textFormat: 'plain',
    });
    const headers = {
      'content-type': 'application/json',
      authorization: `Bearer ${this.poster.token(teams.serviceUrl)}`,
    };
    const body = JSON.stringify(activity);
    const t0 = process.hrtime.bigint();
    const reply = teams.nextSent(this.chat.id, {
      timeoutMs: 15_000,
      match: (s) => s.activity?.replyToId === activity.id,
    });
    // Keeps a failed POST from leaving the reply's rejection unhandled.
    reply.catch(() => undefined);
    const res = await fetch((this.stack.bots[0] as { endpoint: string }).endpoint, { method: 'POST', headers, body });
    const answer = await res.text();
    if (res.status !== 200)
      throw new Error(`${this.name}: POST /api/messages answered ${res.status}: ${answer.slice(0, 200)}`);
    const sent = await reply;
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (i === 0 && (isSignInCard(sent) || !this.expect.test(textOf(sent)))) {
      throw new Error(`${this.name}: unexpected reply: ${textOf(sent).slice(0, 200)}`);
    }
    if (record) this.times.push(ms);
  }

  /** Stops the bot, the cloud, the emulator and PostgreSQL's schema. */
  stop(): Promise<void> {
    return this.stack.stop();
  }

  /** The bot's last log lines, for a failure message. */
  tail(): string {
    return this.stack.tail();
  }
}
