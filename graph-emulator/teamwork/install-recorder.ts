/**
 * The emulator's side of the install hub: which committed mutations are personal-scope installs (to announce
 * them), and how an install Teams made is written to the directory (so Graph lists it).
 */
import { nowIso } from '../directory/object-factory';
import type { DirectoryStore } from '../store/directory-store';
import type { Mutation } from '../store/mutation';
import { findInstall, installMetaKey, newInstall, parseInstall } from './app-catalog';
import type { AppInstallChange, InstallRecorder } from './install-hub';

/** The install changes among committed mutations, in order. Never throws. */
export function installChanges(ms: readonly Mutation[]): AppInstallChange[] {
  const out: AppInstallChange[] = [];
  for (const m of ms) {
    if (m.op === 'setMeta') {
      const install = parseInstall(m.key, m.value);
      if (install)
        out.push({ kind: 'installed', userId: install.userId, teamsAppId: install.teamsAppId, source: install.source });
    } else if (m.op === 'deleteMeta') {
      const parts = /^teamsAppInstall:([^:]+):([^:]+)$/.exec(m.key);
      if (parts)
        out.push({ kind: 'uninstalled', userId: parts[1] as string, teamsAppId: parts[2] as string, source: 'graph' });
    }
  }
  return out;
}

/** Writes installs Teams made (source `teams`) into the store. The recorder rejects when the write fails. */
export function installRecorder(store: DirectoryStore): InstallRecorder {
  return {
    record: (userId, teamsAppId, installed) =>
      store.write((tx) => {
        if (!store.users.has(userId.toLowerCase())) return false;
        const existing = findInstall(store, userId, teamsAppId);
        if (installed === !!existing) return false;
        const key = installMetaKey(userId, teamsAppId);
        if (installed)
          tx.stage({ op: 'setMeta', key, value: JSON.stringify(newInstall(userId, teamsAppId, 'teams', nowIso())) });
        else tx.stage({ op: 'deleteMeta', key });
        return true;
      }),
  };
}
