/** The requests sweeper bound to a coordinator's workflow (see bot/requests/request-sweep.ts). */
import type { Logger } from '../log';
import { startSweeper, sweep, type SweepReport } from '../requests/request-sweep';
import type { RequestCoordinator } from './request-coordinator';

export type { SweepReport };

/** Runs one sweep. Never throws. */
export function sweepRequests(
  coordinator: RequestCoordinator,
  log: Logger,
  purge?: () => Promise<number>,
  escalateHours?: number,
): Promise<SweepReport> {
  return sweep(coordinator.workflow, {
    log,
    removeMember: coordinator.removeMember,
    ...(purge ? { purge } : {}),
    ...(escalateHours ? { escalateHours } : {}),
  });
}

/** Starts sweeping every `seconds`; the returned function stops it. `seconds` 0 starts nothing. */
export function startRequestSweeper(
  coordinator: RequestCoordinator,
  log: Logger,
  seconds: number,
  purge?: () => Promise<number>,
  escalateHours?: number,
): () => Promise<void> {
  return startSweeper(
    coordinator.workflow,
    {
      log,
      removeMember: coordinator.removeMember,
      ...(purge ? { purge } : {}),
      ...(escalateHours ? { escalateHours } : {}),
    },
    seconds,
  );
}
