/**
 * The meeting point between a running emulator and a local Teams in the same process, one per data directory:
 * the emulator announces every personal-scope app install or uninstall it commits (`onChange`), and a Teams that
 * installs the app itself (a user, a setup policy) records it here so Graph lists it (`record`). Neither side
 * imports the other; the local cloud finds the hub by the emulator's data directory. Without a running emulator,
 * `record` does nothing and resolves false.
 */
import * as path from 'node:path';
import type { InstallSource } from './app-catalog';

/** A committed change to one user's personal-scope apps. */
export interface AppInstallChange {
  kind: 'installed' | 'uninstalled';
  userId: string;
  teamsAppId: string;
  /** Who made an install; uninstalls always say `graph` (the row is gone), so listeners compare state. */
  source: InstallSource;
}

/** What a running emulator plugs into its hub. */
export interface InstallRecorder {
  /** Installs (true) or removes (false) the app for the user as Teams did it. Resolves true when something changed. */
  record(userId: string, teamsAppId: string, installed: boolean): Promise<boolean>;
}

export class AppInstallHub {
  private readonly listeners = new Set<(change: AppInstallChange) => void>();
  private recorder: InstallRecorder | undefined;

  /** Calls `listener` after every committed change; returns the unsubscribe function. Never throws. */
  onChange(listener: (change: AppInstallChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Tells every listener; a listener that throws is reported to `onError` and does not stop the others.
   * Never throws.
   */
  emit(change: AppInstallChange, onError: (err: unknown) => void): void {
    for (const l of this.listeners) {
      try {
        l(change);
      } catch (err) {
        onError(err);
      }
    }
  }

  /** Plugs in (or, with undefined, unplugs) the running emulator. Never throws. */
  attach(recorder: InstallRecorder | undefined): void {
    this.recorder = recorder;
  }

  /** Whether an emulator is attached. Never throws. */
  get attached(): boolean {
    return this.recorder !== undefined;
  }

  /** Records an install made in Teams; false when no emulator runs or nothing changed. Rejects on a failed write. */
  async record(userId: string, teamsAppId: string, installed: boolean): Promise<boolean> {
    return this.recorder ? this.recorder.record(userId, teamsAppId, installed) : false;
  }
}

const hubs = new Map<string, AppInstallHub>();

/** The hub of the emulator whose data directory this is (created on first use). Never throws. */
export function appInstallHub(dataDir: string): AppInstallHub {
  const key = path.resolve(dataDir);
  let hub = hubs.get(key);
  if (!hub) hubs.set(key, (hub = new AppInstallHub()));
  return hub;
}
