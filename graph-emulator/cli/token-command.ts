/**
 * `groupbot token --as UPN --data DIR [--scopes "A B"]`: prints a bearer token the emulator on DIR accepts.
 * Works whether or not the emulator runs (it reads only the signing key and users-index.json, never the
 * database). A data directory not yet started falls back to the demo tenant (its first start seeds it).
 */
import * as path from 'node:path';
import { signAccessToken } from '../auth/access-token';
import { DEFAULT_SCOPES } from '../auth/delegated-scopes';
import { ensureSigningKey } from '../auth/signing-key';
import { readUsersIndex, type IndexedUser } from '../auth/users-index-file';
import { DEMO_TENANT_ID, DEMO_USERS } from '../seed/demo-tenant';
import { UsageError, parseOptions } from './cli-args';

const USAGE = 'usage: groupbot token --as UPN --data DIR [--scopes "Scope.One Scope.Two"]';

/** Runs the command; resolves to the exit code. Never throws. */
export async function run(argv: string[]): Promise<number> {
  let opts: Record<string, string>;
  try {
    opts = parseOptions(argv, ['as', 'data', 'scopes']);
    if (!opts.as) throw new UsageError('--as UPN is required');
    if (!opts.data) throw new UsageError('--data DIR is required');
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`groupbot token: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  const dataDir = path.resolve(opts.data);
  let tenantId = DEMO_TENANT_ID;
  let user: IndexedUser | undefined;
  try {
    const index = readUsersIndex(dataDir);
    if (index) {
      tenantId = index.tenantId;
      user = index.users[opts.as.toLowerCase()];
    } else {
      const demo = (Object.values(DEMO_USERS) as { id: string; upn: string; displayName: string }[]).find(
        (u) => u.upn.toLowerCase() === opts.as?.toLowerCase(),
      );
      if (demo) user = { id: demo.id, upn: demo.upn, displayName: demo.displayName };
    }
  } catch (err) {
    process.stderr.write(`groupbot token: cannot read the users index of '${dataDir}': ${(err as Error).message}\n`);
    return 1;
  }
  if (!user) {
    process.stderr.write(`groupbot token: no user with the UPN '${opts.as}' in the directory at '${dataDir}'.\n`);
    return 1;
  }
  const scopes = opts.scopes === undefined ? DEFAULT_SCOPES : opts.scopes.split(/[\s,]+/).filter(Boolean);
  try {
    const key = ensureSigningKey(dataDir);
    process.stdout.write(
      `${signAccessToken(key, { userId: user.id, upn: user.upn, displayName: user.displayName, tenantId, scopes })}\n`,
    );
    return 0;
  } catch (err) {
    process.stderr.write(`groupbot token: cannot use the signing key in '${dataDir}': ${(err as Error).message}\n`);
    return 1;
  }
}
