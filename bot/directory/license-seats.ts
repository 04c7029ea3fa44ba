/**
 * How many seats of a SKU a group licence would take: the group's direct user members who do not hold the SKU
 * yet. Entra's group-based licensing licenses direct members only; people who are in the group through a nested
 * group get nothing from it (docs/graph-behaviour.md, Licensing), so they are counted apart and not as seats.
 */
import type { GraphSession } from './graph-session';
import { listMembers } from './resources/group-members';

interface RawMember {
  id?: string;
  '@odata.type'?: string;
  assignedLicenses?: { skuId?: string }[] | null;
}
interface Page {
  value?: RawMember[];
  '@odata.nextLink'?: string;
}

/** What a group licence would need, as read from the group's direct members. */
export interface SeatsNeeded {
  /** Direct user members who do not hold the SKU yet: each takes one seat. */
  needed: number;
  /** Direct user members who hold it already (directly or from another group): no new seat. */
  alreadyLicensed: number;
  /** Groups nested in the group: their members do not get the licence from it. */
  nestedGroups: number;
  /** False when the read stopped at its page limit (so `needed` is a lower bound). */
  complete: boolean;
}

const MAX_PAGES = 50;

/** Counts the seats a licence on the group would take now. Throws DomainError. */
export async function readSeatsNeeded(session: GraphSession, groupId: string, skuId: string): Promise<SeatsNeeded> {
  const out: SeatsNeeded = { needed: 0, alreadyLicensed: 0, nestedGroups: 0, complete: true };
  const wanted = skuId.toLowerCase();
  let next: string | undefined = listMembers(groupId, { $select: 'id,assignedLicenses', $top: 999 }).url;
  for (let n = 0; next; n++) {
    if (n === MAX_PAGES) {
      out.complete = false;
      break;
    }
    const page: Page = await session.get<Page>(next, { ctx: { operation: 'license' } });
    for (const m of page.value ?? []) {
      const type = m['@odata.type'] ?? '';
      if (type === '#microsoft.graph.group') out.nestedGroups++;
      if (type !== '#microsoft.graph.user') continue;
      const holds = (m.assignedLicenses ?? []).some((l) => (l.skuId ?? '').toLowerCase() === wanted);
      if (holds) out.alreadyLicensed++;
      else out.needed++;
    }
    next = page['@odata.nextLink'];
  }
  return out;
}
