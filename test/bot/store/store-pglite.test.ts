import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../bot/store/open-store';
import { storeContract } from './store-contract';

storeContract('PGlite (embedded)', { concurrentOpen: false }, async () => {
  const dirs: string[] = [];
  return {
    async fresh() {
      const dataDir = mkdtempSync(join(tmpdir(), 'groupbot-store-'));
      dirs.push(dataDir);
      return { open: () => openStore({ dataDir }) };
    },
    async cleanup() {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
});
