/**
 * The check of a confirmed write against the directory just before it runs: which of its people still need the
 * change, and, per person, why the others are skipped (the group is gone, they are already in it, they already
 * left). Only the people of the confirmed list are ever looked at.
 */
import { readRelationPresence, type RelationPresence } from '../directory/relation-presence-read';
import type { Principal } from '../directory/members-write';
import type { CommandContext } from './context';
import type { StoredWrite } from './change-plan-store';

/** A person of the confirmed list left as is, and why ("'Legal' no longer exists"). */
export interface Skipped {
  principal: Principal;
  why: string;
}

/** A confirmed write split into the people still to write and the ones skipped. */
interface CheckedWrite {
  toWrite: Principal[];
  skipped: Skipped[];
}

/** Why `p` is skipped given what was read, or null when the write still applies to them. Pure. */
export function skipReason(w: StoredWrite, seen: RelationPresence, p: Principal): string | null {
  if (seen.gone) return `'${w.group.displayName}' no longer exists`;
  if (!seen.present) return null;
  const role = w.relation === 'owners' ? 'an owner' : 'a member';
  const isIn = seen.present.has(p.id);
  if (w.op === 'add' && isIn) return `already ${role} of '${w.group.displayName}'`;
  if (w.op === 'remove' && !isIn) return `no longer ${role} of '${w.group.displayName}'`;
  return null;
}

/** Splits the people of `seen` write by what the directory holds now. Pure. */
export function splitByPresence(w: StoredWrite, seen: RelationPresence): CheckedWrite {
  const out: CheckedWrite = { toWrite: [], skipped: [] };
  for (const p of w.people) {
    const why = skipReason(w, seen, p);
    if (why) out.skipped.push({ principal: p, why });
    else out.toWrite.push(p);
  }
  return out;
}

/** Reads the current state of the write's group and relation for its people and splits them. Never throws. */
export async function checkWrite(ctx: CommandContext, w: StoredWrite): Promise<CheckedWrite> {
  const seen = await readRelationPresence(
    ctx.graph,
    w.group.id,
    w.relation,
    w.people.map((p) => p.id),
  );
  return splitByPresence(w, seen);
}
