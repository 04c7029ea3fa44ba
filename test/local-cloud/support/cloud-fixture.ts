/**
 * Starts a local cloud on fresh temporary directories (the Graph emulator's data directory and the cloud's own),
 * and a client worker that trusts its CA with the bot's production-mode environment.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../../local-cloud';
import { TrustedChild } from './trusted-child';

export interface CloudFixture {
  cloud: LocalCloud;
  root: string;
  graphDataDir: string;
  dataDir: string;
  env: Record<string, string>;
  /** Starts a worker (client-worker.ts by default) with `env`. */
  worker(file?: string, extraEnv?: Record<string, string>): Promise<TrustedChild>;
  /** Stops the cloud and workers and deletes the directories. */
  cleanup(): Promise<void>;
}

export async function startCloudFixture(opts: Partial<LocalCloudOptions> = {}): Promise<CloudFixture> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-test-'));
  const graphDataDir = path.join(root, 'graph');
  const dataDir = path.join(root, 'cloud');
  const cloud = await startLocalCloud({ graphDataDir, dataDir, ...opts });
  const env = cloud.botEnv({ databaseUrl: 'postgres://unused.invalid/none' });
  const workers: TrustedChild[] = [];
  return {
    cloud,
    root,
    graphDataDir,
    dataDir,
    env,
    worker: async (file = path.join(__dirname, 'client-worker.ts'), extraEnv = {}) => {
      const w = await TrustedChild.start(file, { ...env, ...extraEnv });
      workers.push(w);
      return w;
    },
    cleanup: async () => {
      await cloud.stop(); // first: it waits for sign-ins the Teams client is still doing with a worker bot
      await Promise.all(workers.map((w) => w.stop()));
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The payload of a JWT (no verification). */
export function jwtClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}
