/** The requests sweeper bound to a coordinator's workflow (see bot/requests/request-sweep.ts). */
import type { Logger } from '../log';
import type { BackgroundWork } from '../requests/background-work';
import { startSweeper, sweep, type SweepDeps, type SweepReport } from '../requests/request-sweep';
import type { RequestCoordinator } from './request-coordinator';

/** Optional parts of the sweep: the background fallback (bot/teams/background-wiring.ts) and the time zone. */
export interface SweeperExtras {
  background?: BackgroundWork;
  timeZone?: string;
}

function depsOf(
  coordinator: RequestCoordinator,
  log: Logger,
  purge: (() => Promise<number>) | undefined,
  escalateHours: number | undefined,
  extras: SweeperExtras,
): SweepDeps {
  return {
    log,
    removeMember: coordinator.removeMember,
    ...(purge ? { purge } : {}),
    ...(escalateHours ? { escalateHours } : {}),
    ...(extras.background ? { background: extras.background } : {}),
    ...(extras.timeZone ? { timeZone: extras.timeZone } : {}),
  };
}

/** Runs one sweep. Never throws. */
export function sweepRequests(
  coordinator: RequestCoordinator,
  log: Logger,
  purge?: () => Promise<number>,
  escalateHours?: number,
  extras: SweeperExtras = {},
): Promise<SweepReport> {
  return sweep(coordinator.workflow, depsOf(coordinator, log, purge, escalateHours, extras));
}

/** Starts sweeping every `seconds`; the returned function stops it. `seconds` 0 starts nothing. */
export function startRequestSweeper(
  coordinator: RequestCoordinator,
  log: Logger,
  seconds: number,
  purge?: () => Promise<number>,
  escalateHours?: number,
  extras: SweeperExtras = {},
): () => Promise<void> {
  return startSweeper(coordinator.workflow, depsOf(coordinator, log, purge, escalateHours, extras), seconds);
}
