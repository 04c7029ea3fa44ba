/**
 * The seat figures of a licence assignment's confirmation: how many seats the group's members would take against
 * those free (prepaidUnits.enabled − consumedUnits), and the warning when they are more. Pure.
 */
import type { SeatsNeeded } from '../directory/license-seats';
import type { SubscribedSku } from '../directory/types';

/** Seats of the SKU nobody uses now (never below 0). */
export function freeSeats(sku: Pick<SubscribedSku, 'enabled' | 'consumed'>): number {
  return Math.max(0, sku.enabled - sku.consumed);
}

/** The confirmation fact: "5 needed, 3 free (17 of 20 in use)". */
export function seatsFact(seats: SeatsNeeded, sku: Pick<SubscribedSku, 'enabled' | 'consumed'>): string {
  const needed = `${seats.needed}${seats.complete ? '' : '+'} needed`;
  return `${needed}, ${freeSeats(sku)} free (${sku.consumed} of ${sku.enabled} in use)`;
}

/** The warning when the members who would take a seat outnumber the free seats; undefined when they fit. */
export function seatsWarning(
  seats: SeatsNeeded,
  sku: Pick<SubscribedSku, 'enabled' | 'consumed'>,
  skuName: string,
): string | undefined {
  const free = freeSeats(sku);
  if (seats.needed <= free) return undefined;
  const short = seats.needed - free;
  const members = seats.needed === 1 ? '1 member does not' : `${seats.needed} members do not`;
  return (
    `Not enough seats: ${members} have ${skuName} yet, but only ${free} of ${sku.enabled} seats are free ` +
    `(${sku.consumed} in use). ${short} ${short === 1 ? 'member' : 'members'} would get no licence ` +
    '(Entra reports them as CountViolation). You can still go ahead.'
  );
}

/** The note when nested groups are members: their people do not get a group licence. */
export function nestedGroupsNote(seats: SeatsNeeded): string | undefined {
  if (seats.nestedGroups === 0) return undefined;
  const n = seats.nestedGroups === 1 ? '1 nested group' : `${seats.nestedGroups} nested groups`;
  return `The people in its ${n} do not get it: Entra licenses a group's direct members only.`;
}
