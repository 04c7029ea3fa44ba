/**
 * Assembles the delayed licence checks for one bot instance: the store the licence commands schedule into, and the
 * periodic run (every REQUESTS_SWEEP_SECONDS, beside the requests sweep) that tells each assigner, in the
 * conversation they asked in, who got no licence and why (bot/licences/license-check-sweep.ts).
 */
import type { Store } from '../store';
import type { GraphEndpoint } from '../directory/graph-client';
import { openGraphSession } from '../directory/graph-session';
import type { Logger } from '../log';
import { repeatEvery } from '../shared/repeat-every';
import { LicenceCheckStore } from '../licences/license-check-store';
import {
  sweepLicenceChecks,
  type LicenceCheckSweepDeps,
  type LicenceCheckSweepReport,
} from '../licences/license-check-sweep';
import { messageActivity, type RequestMessenger } from './request-messenger';
import type { TokenForUser } from './offline-user-tokens';
import type { BackgroundTokens } from './background-tokens';

export interface LicenceCheckLayer {
  /** What the licence commands schedule into (CommandContext.licenceChecks). */
  port: LicenceCheckStore;
  /** One run now (tests). Never throws. */
  sweep(): Promise<LicenceCheckSweepReport>;
  /** Runs every `seconds` (0: never); the returned function stops it and waits for a running pass. */
  start(seconds: number): () => Promise<void>;
}

/** Builds the layer. Never throws. */
export function createLicenceCheckLayer(opts: {
  store: Store;
  /** The instance's one messenger (bot/teams/bot-services.ts). */
  messenger: RequestMessenger;
  graph: GraphEndpoint;
  log: Logger;
  delaySeconds: number;
  tokenForUser?: TokenForUser;
  /**
   * The instance's one BackgroundTokens (bot/teams/background-wiring.ts, shared with the requests sweeper, the
   * history poller and the digest): another owner's or an administrator's token when the assigner's is gone.
   */
  backgroundTokens?: Pick<BackgroundTokens, 'forGroup'>;
  /** Overrides `backgroundTokens.forGroup` as the fallback (tests). */
  fallbackToken?: LicenceCheckSweepDeps['fallbackToken'];
  clock?: () => Date;
}): LicenceCheckLayer {
  const checks = new LicenceCheckStore(opts.store.keyValue, { delaySeconds: opts.delaySeconds });
  const messenger = opts.messenger;
  const tokenForUser = opts.tokenForUser;
  // When the assigner's token is gone: another owner's or an administrator's (bot/teams/background-tokens.ts).
  const background = opts.backgroundTokens;
  const fallbackToken: LicenceCheckSweepDeps['fallbackToken'] =
    opts.fallbackToken ?? (background ? (groupId, preferred) => background.forGroup(groupId, preferred) : undefined);
  const deps: LicenceCheckSweepDeps = {
    store: checks,
    tokenFor: async (userId) => (tokenForUser ? tokenForUser(userId) : undefined),
    fallbackToken,
    sessionFor: (token) => openGraphSession(opts.graph, async () => token),
    post: async (conversationId, text) =>
      (await messenger.post(conversationId, messageActivity({ text }))) !== undefined,
    log: opts.log,
    clock: opts.clock,
  };
  return {
    port: checks,
    sweep: () => sweepLicenceChecks(deps),
    start: (seconds) =>
      repeatEvery(seconds, async () => {
        const r = await sweepLicenceChecks(deps);
        if (r.due > 0) opts.log.info('license.check.swept', { ...r });
      }),
  };
}
