/**
 * The in-memory benchmark's group-name index in its steady state: the demo tenant's groups (as Graph lists them)
 * kept in the store where bot/directory/group-name-index.ts keeps them, so that the turns' directory pass reads
 * them from the cache, as a running bot does after its first turn (the benchmark's Graph is unreachable on
 * purpose: no turn may depend on it).
 */
import { DEMO_GROUPS, type DemoGroup } from '../../graph-emulator/seed/demo-tenant';
import { GroupNameIndex, type ExpiringValues, type GroupName } from '../../bot/directory/group-name-index';
import { openGraphSession } from '../../bot/directory/graph-session';

/** Where group-name-index.ts keeps a tenant's snapshot (checked below: a wrong key fails the benchmark). */
const KEY = 'groupNames:';

function asListed(g: DemoGroup): GroupName {
  const mailEnabled = g.kind !== 'security';
  return {
    id: g.id,
    displayName: g.displayName,
    mailNickname: g.mailNickname,
    mail: mailEnabled ? (g.mail ?? `${g.mailNickname}@contoso.com`) : null,
    mailEnabled,
    securityEnabled: g.securityEnabled ?? g.kind !== 'distribution',
    groupTypes: [...(g.kind === 'microsoft365' ? ['Unified'] : []), ...(g.dynamicRule ? ['DynamicMembership'] : [])],
    visibility: g.visibility ?? null,
  };
}

/**
 * Keeps the demo tenant's live groups as `tenantId`'s names, then reads them back through a GroupNameIndex whose
 * Graph is unreachable. Throws when the index does not find them (it would then call Graph on every turn).
 */
export async function seedGroupNames(keyValue: ExpiringValues, tenantId: string): Promise<number> {
  const groups = Object.values(DEMO_GROUPS)
    .filter((g) => !g.deleted)
    .map(asListed);
  const snapshot = { groups, builtAt: new Date().toISOString(), truncated: false };
  await keyValue.putExpiring(KEY + tenantId, snapshot, new Date(Date.now() + 24 * 3600_000));
  const unreachable = openGraphSession({ baseUrl: 'https://127.0.0.1:1' }, async () => 'bench-token-never-sent');
  const read = await new GroupNameIndex({ keyValue }).forTurn(tenantId, unreachable);
  if (read.groups.length !== groups.length) throw new Error('the seeded group names were not read back');
  return groups.length;
}
