import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, pgliteDirectory } from '../../../bot/store/open-store';
import { openPgliteClient } from '../../../bot/store/pglite-client';
import { storeContract } from './store-contract';

storeContract('PGlite (embedded)', { concurrentOpen: false }, async () => {
  const dirs: string[] = [];
  return {
    async fresh() {
      const dataDir = mkdtempSync(join(tmpdir(), 'groupbot-store-'));
      dirs.push(dataDir);
      return {
        open: () => openStore({ dataDir }),
        raw: async () => ({ client: await openPgliteClient(pgliteDirectory(dataDir)) }),
      };
    },
    async cleanup() {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
});
