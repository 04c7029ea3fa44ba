/**
 * The owner the digest suggests for a group without owners (docs/hygiene.md, Suggested owner): an enabled
 * member-type user among the group's direct members, the one the journal shows was added earliest; when the
 * journal knows none of them, the first by display name (then by id, so the choice is stable). Pure.
 */
import type { HygieneMember } from '../directory/hygiene-read';

/** True when the member may be suggested: a user, not a guest, whose account is not disabled. */
export function isOwnerCandidate(m: HygieneMember): boolean {
  return m.type === 'user' && (m.userType ?? 'Member').toLowerCase() !== 'guest' && m.accountEnabled !== false;
}

/**
 * The suggested owner among `members`, or undefined when none qualifies. `addedAt` holds, by lower-case user id,
 * when the journal first recorded the user being added to this group. Never throws.
 */
export function pickOwner(
  members: readonly HygieneMember[],
  addedAt: ReadonlyMap<string, Date>,
): HygieneMember | undefined {
  const candidates = members.filter(isOwnerCandidate);
  const known = candidates
    .filter((m) => addedAt.has(m.id))
    .sort(
      (a, b) =>
        (addedAt.get(a.id) as Date).getTime() - (addedAt.get(b.id) as Date).getTime() || a.id.localeCompare(b.id),
    );
  if (known[0]) return known[0];
  return [...candidates].sort(
    (a, b) => a.displayName.localeCompare(b.displayName, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id),
  )[0];
}
