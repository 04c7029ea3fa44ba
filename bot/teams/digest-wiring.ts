/**
 * Assembles the weekly hygiene digest for one bot instance: the subscriptions in the store, the port the digest
 * commands use, and the scheduler that posts due digests proactively with the subscriber's delegated token.
 */
import type { Store } from '../store';
import type { GraphEndpoint } from '../directory/graph-client';
import { openGraphSession } from '../directory/graph-session';
import type { Logger } from '../log';
import type { AdaptiveCard } from '../../cards';
import type { JournalSink } from '../journal/journal-sink';
import { DigestStore } from '../hygiene/digest-store';
import type { DigestPort } from '../hygiene/digest-port';
import {
  startDigestSweeper,
  sweepDigests,
  type DigestSweepDeps,
  type DigestSweepReport,
} from '../hygiene/digest-sweep';
import { DEFAULT_HYGIENE_SETTINGS, type HygieneSettings } from '../hygiene/hygiene-settings';
import { hygieneReply } from '../commands/hygiene-show';
import { messageActivity, type RequestMessenger } from './request-messenger';
import type { TokenForUser } from './offline-user-tokens';
import type { BackgroundFailures } from '../shared/background-failures';
import { backgroundSection } from '../hygiene/background-section';

export interface DigestLayer {
  port: DigestPort;
  settings: HygieneSettings;
  /** One sweep now (tests, the command line). Never throws. */
  sweep(): Promise<DigestSweepReport>;
  /** Starts the scheduler (GROUPBOT_DIGEST_CHECK_SECONDS); the returned function stops it. */
  start(): () => Promise<void>;
}

export const DIGEST_TITLE = 'Weekly group hygiene digest';

/** Builds the layer. Never throws (bot/config.ts has checked the settings). */
export function createDigestLayer(opts: {
  store: Store;
  /** The instance's one messenger (bot/teams/bot-services.ts). */
  messenger: RequestMessenger;
  graph: GraphEndpoint;
  log: Logger;
  tokenForUser?: TokenForUser;
  journal: JournalSink;
  /** BotConfig.hygiene (default: the defaults of an unset environment). */
  settings?: HygieneSettings;
  /** Background work given up, for the digest's "Background work failing" section. */
  background?: Pick<BackgroundFailures, 'givenUp'>;
  clock?: () => Date;
}): DigestLayer {
  const settings = opts.settings ?? DEFAULT_HYGIENE_SETTINGS;
  const store = new DigestStore(opts.store.keyValue);
  const messenger = opts.messenger;
  const tokenForUser = opts.tokenForUser;
  const deps: DigestSweepDeps = {
    store,
    settings,
    log: opts.log,
    tokenFor: async (userId) => (tokenForUser ? tokenForUser(userId) : undefined),
    sessionFor: (token) => openGraphSession(opts.graph, async () => token),
    post: async (conversationId, reply) => {
      const activity = reply.card
        ? messageActivity({ card: reply.card as unknown as AdaptiveCard })
        : messageActivity({ text: reply.text });
      return (await messenger.post(conversationId, activity)) !== undefined;
    },
    render: (report) => hygieneReply(report, DIGEST_TITLE),
    journal: opts.journal,
    clock: opts.clock,
    background: opts.background && backgroundSectionOf(opts.background, settings, opts.log),
  };
  return {
    port: { store, settings, personalConversationOf: (userId) => messenger.personalConversationOf(userId) },
    settings,
    sweep: () => sweepDigests(deps),
    start: () => startDigestSweeper(deps, settings.checkSeconds),
  };
}

/** The digest's "Background work failing" section for a reader; a store error leaves it out (logged). */
export function backgroundSectionOf(
  failures: Pick<BackgroundFailures, 'givenUp'>,
  settings: HygieneSettings,
  log: Logger,
): NonNullable<DigestSweepDeps['background']> {
  return async (sub, report) => {
    try {
      return backgroundSection(await failures.givenUp(), {
        id: sub.ownerId,
        scope: report.scope,
        maxLines: settings.lines,
      });
    } catch (err) {
      log.warn('digest.background', { error: err });
      return undefined;
    }
  };
}
