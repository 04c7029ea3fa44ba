import { openStore } from '../../../bot/store/open-store';
import { openPgClient } from '../../../bot/store/pg-client';
import { dropSchemas, testDatabaseUrl, uniqueSchemaName } from '../../support/postgres';
import { storeContract } from './store-contract';

storeContract('PostgreSQL', { concurrentOpen: true }, async () => {
  const databaseUrl = await testDatabaseUrl();
  const schemas: string[] = [];
  return {
    async fresh() {
      const schema = uniqueSchemaName('store');
      schemas.push(schema);
      return {
        open: () => openStore({ databaseUrl, schema }),
        raw: async () => ({ client: openPgClient({ databaseUrl, schema }), schema }),
      };
    },
    cleanup: () => dropSchemas(databaseUrl, schemas),
  };
});
