/**
 * Teams and Graph agree on who has groupbot installed, when the Graph emulator runs in this process (the hub is
 * found by the emulator's data directory; graph-emulator/teamwork/install-hub.ts):
 *
 * - an install made through Graph (`POST /users/{id}/teamwork/installedApps` of groupbot's catalog app) marks the
 *   user installed in the local Teams and sends `installationUpdate` (add) and `conversationUpdate` to the bot, as
 *   `teams.install(user)` does (only the record when no bot endpoint is set); an uninstall through Graph does the
 *   reverse;
 * - an install or uninstall made in Teams (`teams.install`, `teams.uninstall`) is recorded in Graph, so it shows in
 *   the user's installed apps. Installs Teams already had are recorded when the cloud starts.
 *
 * Without an emulator in the process, Graph's side is simply absent and Teams works alone.
 */
import type { AppInstallChange, AppInstallHub } from '../../graph-emulator/teamwork/install-hub';
import type { LocalTeamsClient } from './teams-client';
import type { TeamsDirectory } from './teams-directory';

export interface GraphInstallBridgeDeps {
  hub: AppInstallHub;
  /** groupbot's id in the emulator's app catalog. */
  catalogAppId: string;
  directory: TeamsDirectory;
  onError(err: unknown): void;
}

export class GraphInstallBridge {
  private teams: LocalTeamsClient | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly d: GraphInstallBridgeDeps) {}

  /** Records a Teams install in Graph. Never rejects (failures go to onError). */
  async recordInGraph(aadObjectId: string, installed: boolean): Promise<void> {
    try {
      await this.d.hub.record(aadObjectId, this.d.catalogAppId, installed);
    } catch (err) {
      this.d.onError(err);
    }
  }

  /** Starts listening to Graph's installs and records Teams' existing installs in Graph. Never rejects. */
  async start(teams: LocalTeamsClient): Promise<void> {
    this.teams = teams;
    this.unsubscribe = this.d.hub.onChange((change) => this.fromGraph(change));
    for (const u of this.d.directory.users())
      if (this.d.directory.isInstalled(u.aadObjectId)) await this.recordInGraph(u.aadObjectId, true);
  }

  /** Stops listening and waits for the Teams installs it started. Never rejects. */
  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await Promise.allSettled([...this.running]);
  }

  private fromGraph(change: AppInstallChange): void {
    const teams = this.teams;
    if (!teams || change.teamsAppId !== this.d.catalogAppId) return;
    const user = this.d.directory.findUser(change.userId);
    if (!user) return;
    const installed = change.kind === 'installed';
    // Teams already agrees (the change came from Teams, or was repeated): nothing to send.
    if (teams.isInstalled(user.aadObjectId) === installed) return;
    const notify = teams.hasBotEndpoint();
    const run = (
      installed ? teams.install(user.aadObjectId, { notify }) : teams.uninstall(user.aadObjectId, { notify })
    )
      .catch((err: unknown) => this.d.onError(err))
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }
}
