/**
 * The local Microsoft Graph v1.0-compatible directory: `startEmulator()` opens (or creates and seeds) a data
 * directory, and serves Graph over HTTPS on 127.0.0.1 with a locally generated CA.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Server } from 'node:https';
import { signAccessToken } from './auth/access-token';
import { DEFAULT_SCOPES } from './auth/delegated-scopes';
import { ensureSigningKey } from './auth/signing-key';
import { readUsersIndex, writeUsersIndex, type UsersIndex } from './auth/users-index-file';
import { FaultInjector } from './control/fault-injector';
import { RequestStats } from './control/request-stats';
import { createEffectHook, evaluateDynamicWork } from './directory/derived-effects';
import { DEFAULT_DYNAMIC_DELAY_MS, DynamicProcessor } from './directory/dynamic-processing';
import { loadRuleEngine } from './directory/rule-engine';
import { addDays, nowIso } from './directory/object-factory';
import { GraphPipeline } from './http/graph-pipeline';
import { listen } from './http/graph-server';
import type { TenantInfo } from './http/request-context';
import { buildRouter } from './routes/route-table';
import { RETENTION_DAYS } from './routes/deleted-items';
import { demoTenantMutations, tenantMeta } from './seed/demo-seed';
import { DEMO_DOMAIN, DEMO_INITIAL_DOMAIN, DEMO_TENANT_ID, DEMO_TENANT_NAME } from './seed/demo-tenant';
import { largeTenantMutations, type LargeGroupOptions } from './seed/large-seed';
import { openDatabase } from './store/database-open';
import { lockDirectory } from '../common/directory-lock';
import { DirectoryStore } from './store/directory-store';
import { DriveStore } from './drive/drive-store';
import { ensureCertificates } from './tls/certificates-ensure';
import { appInstallHub } from './teamwork/install-hub';
import { installRecorder, installChanges } from './teamwork/install-recorder';
import { ReplicationLag } from './control/replication-lag';

export { DEFAULT_SCOPES } from './auth/delegated-scopes';
export { GROUPBOT_CATALOG_APP_ID } from './teamwork/app-catalog';
export { appInstallHub, type AppInstallChange, type AppInstallHub } from './teamwork/install-hub';
export { DEMO_USERS, DEMO_GROUPS, DEMO_SKUS, DEMO_TENANT_ID, DEMO_DOMAIN } from './seed/demo-tenant';

export interface EmulatorOptions {
  dataDir: string;
  /** 0 = any free port. Default 0. */
  port?: number;
  /** Seed used when the data directory is new. Default 'demo'. Ignored for an existing directory. */
  seed?: 'demo' | ({ large: number } & LargeGroupOptions);
  /** Where unexpected internal errors are reported (default: stderr, without request data). */
  onError?: (err: unknown) => void;
  /**
   * Milliseconds between a write that affects dynamic membership and its processing (Entra processes rules
   * asynchronously). 0 = inside the write itself (instant). Default 3000. The caller decides: `groupbot` passes
   * GROUPBOT_DYNAMIC_DELAY_MS (read by bot/config.ts), `groupbot emulator` its --dynamic-delay-ms option.
   */
  dynamicProcessingDelayMs?: number;
  /** Where the machine's empty PGlite cluster is kept (default: under the OS temp directory). */
  pgliteTemplateDir?: string;
  /**
   * Seconds after a create during which the new group is missing from lists, `$filter` and `$search`, and adds
   * on it answer E16 (control/replication-lag.ts). Default 0 (off); `POST /_emulator/replication-lag` changes it.
   */
  replicationLagSeconds?: number;
  /**
   * The order a `$batch` runs steps whose dependencies (if any) are met: 'listed' (default) or 'reversed' (the
   * last ready step first). Graph promises no order without `dependsOn`; 'reversed' lets a test show that a client
   * relying on one says so.
   */
  batchStepOrder?: 'listed' | 'reversed';
}

export interface RunningEmulator {
  port: number;
  /** `https://localhost:P` */
  baseUrl: string;
  /** `https://localhost:P/v1.0` */
  graphUrl: string;
  caCertPath: string;
  caPem: string;
  dataDir: string;
  /** Seconds spent seeding on this start (0 when the directory already existed). */
  seedSeconds: number;
  /** Bearer token for a directory user (by UPN); scopes default to the full delegated set the bot asks for. */
  issueToken(upn: string, opts?: { scopes?: string[]; lifetimeSeconds?: number }): Promise<string>;
  /**
   * Resolves when queued dynamic membership processing is done (runs it now instead of after the delay).
   * Absent on a handle to an emulator another process runs.
   */
  dynamicIdle?: () => Promise<void>;
  /** The replication-lag knob of this emulator (absent on a handle to an emulator another process runs). */
  replication?: ReplicationLag;
  stop(): Promise<void>;
}

function dynamicDelay(opts: EmulatorOptions): number {
  return opts.dynamicProcessingDelayMs !== undefined
    ? Math.max(0, opts.dynamicProcessingDelayMs)
    : DEFAULT_DYNAMIC_DELAY_MS;
}

function tenantOf(store: DirectoryStore): TenantInfo {
  return {
    tenantId: store.meta.get('tenantId') ?? DEMO_TENANT_ID,
    displayName: store.meta.get('tenantName') ?? DEMO_TENANT_NAME,
    domain: store.meta.get('domain') ?? DEMO_DOMAIN,
    initialDomain: store.meta.get('initialDomain') ?? DEMO_INITIAL_DOMAIN,
  };
}

function usersIndexOf(store: DirectoryStore, tenantId: string): UsersIndex {
  const users: UsersIndex['users'] = {};
  for (const u of store.users.values())
    users[u.userPrincipalName.toLowerCase()] = { id: u.id, upn: u.userPrincipalName, displayName: u.displayName };
  return { tenantId, users };
}

async function seed(store: DirectoryStore, kind: EmulatorOptions['seed']): Promise<void> {
  const label = kind && typeof kind === 'object' ? `large:${kind.large}` : 'demo';
  await store.write((tx) => {
    for (const m of [...tenantMeta(label), ...demoTenantMutations()]) tx.stage(m);
  });
  if (kind && typeof kind === 'object') await store.bulkLoad(largeTenantMutations(kind.large, kind));
  await store.write((tx) => tx.stage({ op: 'setMeta', key: 'seeded', value: nowIso() }));
}

/**
 * Starts an emulator on a data directory (created and seeded on first use).
 * Rejects when the directory is unusable, the database is held by another process (DirectoryLockedError, before
 * anything is opened), or the port is taken.
 */
export async function startEmulator(opts: EmulatorOptions): Promise<RunningEmulator> {
  const dataDir = path.resolve(opts.dataDir);
  // One process per data directory, enforced before anything in it is created or opened: a second emulator on
  // a live directory would otherwise write a shutdown checkpoint over the first one's database when it fails.
  const unlock = await lockDirectory(path.join(dataDir, 'pgdata'));
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    return await openAndServe(dataDir, opts, unlock);
  } catch (err) {
    unlock();
    throw err;
  }
}

async function openAndServe(dataDir: string, opts: EmulatorOptions, unlock: () => void): Promise<RunningEmulator> {
  const onError =
    opts.onError ??
    ((err: unknown) =>
      process.stderr.write(
        `graph-emulator: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      ));
  const tls = await ensureCertificates(dataDir);
  const key = ensureSigningKey(dataDir);
  const db = await openDatabase(dataDir, opts.pgliteTemplateDir);
  try {
    const store = await DirectoryStore.load(db);
    const rules = loadRuleEngine();
    const deferral: { processor?: DynamicProcessor } = {};
    store.setEffectHook(createEffectHook(rules, () => deferral.processor));
    let seedSeconds = 0;
    if (!store.meta.has('seeded')) {
      const t0 = process.hrtime.bigint();
      await seed(store, opts.seed);
      seedSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    }
    // Created after seeding: the demo tenant's dynamic groups start evaluated.
    const processor = new DynamicProcessor(
      store,
      dynamicDelay(opts),
      (tx, work) => evaluateDynamicWork(tx, rules, work),
      onError,
    );
    deferral.processor = processor;
    processor.resume();
    const cutoff = addDays(nowIso(), -RETENTION_DAYS);
    const expired = [...store.deleted.values()]
      .filter((g) => g.deletedDateTime && g.deletedDateTime < cutoff)
      .map((g) => g.id);
    if (expired.length)
      await store.write((tx) => {
        for (const id of expired) tx.purgeGroup(id);
      });

    const tenant = tenantOf(store);
    // The UPN file is rebuilt only when users come or go (no route changes a UPN); nothing of it is
    // kept in memory, so a large tenant does not hold a second copy of every user.
    let indexedUsers = store.users.size;
    const existing = readUsersIndex(dataDir);
    if (!existing || Object.keys(existing.users).length !== indexedUsers || existing.tenantId !== tenant.tenantId)
      writeUsersIndex(dataDir, usersIndexOf(store, tenant.tenantId));
    // Installs of apps in users' personal scope are announced to a local Teams in this process (teamwork/).
    const installs = appInstallHub(dataDir);
    store.onCommitted = (ms) => {
      if (store.users.size !== indexedUsers || ms.some((m) => m.op === 'deleteUser')) {
        indexedUsers = store.users.size;
        writeUsersIndex(dataDir, usersIndexOf(store, tenant.tenantId));
      }
      for (const change of installChanges(ms)) installs.emit(change, onError);
    };
    installs.attach(installRecorder(store));

    const faults = new FaultInjector();
    const stats = new RequestStats();
    const replication = new ReplicationLag(opts.replicationLagSeconds ?? 0);
    const pipeline = new GraphPipeline(
      {
        store,
        tenant,
        rules,
        drives: new DriveStore(path.join(dataDir, 'drives'), (id) => store.users.get(id)?.userPrincipalName),
        baseUrl: 'https://localhost',
        replication,
        ...(opts.batchStepOrder ? { batchStepOrder: opts.batchStepOrder } : {}),
      },
      buildRouter(),
      faults,
      stats,
      key,
      onError,
    );
    const { server, port } = await listen(
      { pipeline, faults, stats, replication, certPem: tls.certPem, keyPem: tls.keyPem, onError },
      opts.port ?? 0,
    );
    const baseUrl = `https://localhost:${port}`;
    pipeline.services.baseUrl = baseUrl;
    let stopped: Promise<void> | undefined;
    return {
      port,
      baseUrl,
      graphUrl: `${baseUrl}/v1.0`,
      caCertPath: tls.caCertPath,
      caPem: tls.caPem,
      dataDir,
      seedSeconds,
      issueToken: async (upn, o = {}) => {
        const id = store.userIndex.userPrincipalName.exact(upn)[0];
        const u = id ? store.users.get(id) : undefined;
        if (!u) throw new Error(`No user with the UPN '${upn}' in this directory.`);
        return signAccessToken(key, {
          userId: u.id,
          upn: u.userPrincipalName,
          displayName: u.displayName,
          tenantId: tenant.tenantId,
          scopes: o.scopes ?? DEFAULT_SCOPES,
          ...(o.lifetimeSeconds !== undefined ? { lifetimeSeconds: o.lifetimeSeconds } : {}),
        });
      },
      dynamicIdle: () => processor.idle(),
      replication,
      stop: () =>
        (stopped ??= (async () => {
          installs.attach(undefined);
          await closeAll(server, store, db, processor);
        })().finally(unlock)),
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}

async function closeAll(
  server: Server,
  store: DirectoryStore,
  db: { close(): Promise<void> },
  processor: DynamicProcessor,
): Promise<void> {
  processor.stop();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  await store.write(() => undefined); // waits for writes in flight
  await db.close();
}
