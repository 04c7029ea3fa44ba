import { join } from 'node:path';
import type { SqlClient } from './sql-client';
import { openPgliteClient } from './pglite-client';
import { openPgClient } from './pg-client';
import { applyMigrations } from './migrate';
import type { Store } from './store';
import { accessRequestRepository } from './request-repository';
import { requestCardRepository } from './card-reference-repository';
import { conversationReferenceRepository } from './conversation-reference-repository';
import { timeBoundMembershipRepository } from './membership-repository';
import { journalRepository } from './journal-repository';
import { keyValueRepository } from './key-value-repository';
import { historyRepository } from './history-repository';
import { botStorage } from './bot-storage';
import { processLogger } from '../log';

/** Where the store lives. */
export type StoreLocation =
  /** Embedded PGlite under `<dataDir>/bot-store` (one process per directory). */
  | { dataDir: string; pgliteTemplateDir?: string }
  /** PostgreSQL (production: DATABASE_URL); several processes may share it. `schema` isolates (e.g. tests). */
  | { databaseUrl: string; schema?: string; maxConnections?: number }
  /** Embedded PGlite in memory, gone on close (for tests of other parts). */
  | { memory: true };

/** The PGlite directory inside a data directory. */
export function pgliteDirectory(dataDir: string): string {
  return join(dataDir, 'bot-store');
}

/** Thrown when the store cannot be opened; `cause` holds the driver's error. */
export class StoreOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreOpenError';
  }
}

function describe(location: StoreLocation): string {
  if ('dataDir' in location) return `the embedded database in '${pgliteDirectory(location.dataDir)}'`;
  if ('databaseUrl' in location) {
    const url = URL.canParse(location.databaseUrl) ? new URL(location.databaseUrl) : undefined;
    // Never echo the password of the URL.
    return url ? `PostgreSQL at ${url.hostname}:${url.port || '5432'}${url.pathname}` : 'PostgreSQL (unparsable URL)';
  }
  return 'the in-memory database';
}

/** Builds a Store on an already migrated client. */
export function storeOn(db: SqlClient): Store {
  return {
    kind: db.kind,
    requests: accessRequestRepository(db),
    requestCards: requestCardRepository(db),
    conversations: conversationReferenceRepository(db),
    memberships: timeBoundMembershipRepository(db),
    journal: journalRepository(db),
    history: historyRepository(db),
    keyValue: keyValueRepository(db),
    botStorage: botStorage(db),
    async schemaVersions() {
      const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      return rows.map((r) => r.version);
    },
    close: () => db.close(),
  };
}

/**
 * Opens the store and brings its schema up to date (safe when several processes start together on one
 * PostgreSQL). Throws StoreOpenError (message says which database, never a password) when the database cannot
 * be reached, created or migrated; SchemaTooNewError passes through as its cause.
 */
export async function openStore(location: StoreLocation): Promise<Store> {
  let db: SqlClient | undefined;
  try {
    if ('databaseUrl' in location) {
      db = openPgClient({
        databaseUrl: location.databaseUrl,
        schema: location.schema,
        maxConnections: location.maxConnections,
      });
      await applyMigrations(db, location.schema);
    } else {
      db = await openPgliteClient(
        'dataDir' in location ? pgliteDirectory(location.dataDir) : undefined,
        'dataDir' in location ? location.pgliteTemplateDir : undefined,
      );
      await applyMigrations(db);
    }
    return storeOn(db);
  } catch (err) {
    if (db) {
      await db.close().catch((closeError: unknown) => {
        processLogger().warn('store.close.failed', { error: closeError });
      });
    }
    const reason = err instanceof Error ? err.message : String(err);
    throw new StoreOpenError(`Cannot open ${describe(location)}: ${reason}`, { cause: err });
  }
}
