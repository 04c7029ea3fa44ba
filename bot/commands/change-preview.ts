/**
 * What a membership change will do, worked out before anything is written from what the look-ahead read:
 * who is skipped and why, who is a guest or disabled, licences gained or lost through group-based licensing,
 * too few licence units, people brought in by nested groups, role-assignable or synced groups, last owners.
 * Pure: no I/O, no clock.
 */
import type { ChangeFacts } from '../directory/change-lookahead';
import type { Principal, Relation } from '../directory/members-write';
import { skuDisplayName } from '../directory/licenses';
import type { DirectoryGroup } from '../directory/types';
import { nameList } from './views';

export interface ChangePreviewInput {
  group: Pick<DirectoryGroup, 'id' | 'displayName'>;
  relation: Relation;
  op: 'add' | 'remove';
  people: readonly Principal[];
  facts: ChangeFacts;
  /** Guests known from resolution (userType), used when the look-ahead could not read a person. */
  knownGuests?: ReadonlySet<string>;
}

export interface ChangePreview {
  /** People the change will not touch, with the reason, e.g. "Already a member". */
  skipped: { reason: string; names: string[]; ids: string[] }[];
  /** How many people the write will actually change. */
  changing: number;
  /** Things to read before confirming (shown in the Warnings block). */
  warnings: string[];
  /** Plain consequences (licences gained, people brought in by a nested group). */
  notes: string[];
  /** Why Graph will refuse the whole change, when it will. */
  refusal?: string;
}

function names(people: readonly Principal[]): string {
  return nameList(
    people.map((p) => p.displayName),
    8,
  );
}

function are(n: number): string {
  return n === 1 ? 'is' : 'are';
}

/** Works out the preview of a membership change. Never throws. */
export function previewChange(input: ChangePreviewInput): ChangePreview {
  const preview: ChangePreview = { skipped: [], changing: input.people.length, warnings: [], notes: [] };
  groupPreview(input, preview);
  skippedPreview(input, preview);
  const skippedIds = new Set(preview.skipped.flatMap((s) => s.ids));
  const changing = input.people.filter((p) => !skippedIds.has(p.id));
  accountPreview(input, changing, preview);
  if (input.relation === 'members') licencePreview(input, changing, preview);
  else ownerPreview(input, changing, preview);
  if (input.op === 'add' && input.relation === 'members') nestedGroupPreview(input, changing, preview);
  return preview;
}

function roleOf(input: ChangePreviewInput): 'member' | 'owner' {
  return input.relation === 'members' ? 'member' : 'owner';
}

/** What the group itself means for the change: refused when synced from on-premises, a role-assignable warning. */
function groupPreview(input: ChangePreviewInput, preview: ChangePreview): void {
  const { group, facts } = input;
  const role = roleOf(input);
  const where = `'${group.displayName}'`;
  if (facts.group?.onPremisesSyncEnabled === true) {
    preview.refusal = `${where} is synced from on-premises Active Directory, so its ${role}s can only be changed there, not through Microsoft Graph.`;
  }
  if (facts.group?.isAssignableToRole === true) {
    preview.warnings.push(
      `${where} can be assigned to Microsoft Entra roles: changing its ${role}s needs the Privileged Role Administrator role (or Global Administrator). Without it, Microsoft Graph refuses the change.`,
    );
  }
}

/** Who is skipped: already there (adds) or not there (removes). */
function skippedPreview(input: ChangePreviewInput, preview: ChangePreview): void {
  const { op, people, facts } = input;
  const present = facts.present;
  if (!present) return;
  const skip = people.filter((p) => (op === 'add' ? present.has(p.id) : !present.has(p.id)));
  if (skip.length === 0) return;
  const role = roleOf(input);
  const a = role === 'owner' ? 'an owner' : 'a member';
  const reason = op === 'add' ? `Already ${a}` : `Not ${a}`;
  preview.skipped.push({ reason, names: skip.map((p) => p.displayName), ids: skip.map((p) => p.id) });
  preview.changing = people.length - skip.length;
}

/** Guests and disabled accounts among those who will change. */
function accountPreview(input: ChangePreviewInput, changing: readonly Principal[], preview: ChangePreview): void {
  const { op, facts, group } = input;
  const role = roleOf(input);
  const where = `'${group.displayName}'`;
  const guests = changing.filter(
    (p) => (facts.people.get(p.id)?.userType ?? (input.knownGuests?.has(p.id) ? 'Guest' : null)) === 'Guest',
  );
  if (op === 'add' && guests.length > 0) {
    preview.warnings.push(
      `${names(guests)} ${are(guests.length)} ${guests.length === 1 ? 'a guest' : 'guests'} from outside your organisation: as ${role}s they will see what ${where} shares with its ${role}s.`,
    );
  }
  const disabled = changing.filter((p) => facts.people.get(p.id)?.accountEnabled === false);
  if (disabled.length > 0) {
    preview.warnings.push(
      `${names(disabled)}: ${disabled.length === 1 ? 'this account is' : 'these accounts are'} disabled, so they can't sign in${op === 'add' ? ' or use this membership until the account is enabled again' : ''}.`,
    );
  }
}

/** Groups added as members bring their own members in. */
function nestedGroupPreview(input: ChangePreviewInput, changing: readonly Principal[], preview: ChangePreview): void {
  const where = `'${input.group.displayName}'`;
  for (const p of changing.filter((x) => x.type === 'group')) {
    const n = input.facts.transitiveCounts.get(p.id);
    if (n !== undefined)
      preview.notes.push(
        `'${p.displayName}' brings in ${n === 1 ? '1 person' : `${n} people`} (its members, nested groups included), who get whatever ${where} gives its members.`,
      );
  }
}

/** Licences gained or lost through the group, and SKUs short of units. */
function licencePreview(input: ChangePreviewInput, changing: readonly Principal[], preview: ChangePreview): void {
  const { facts, op, group } = input;
  const skuIds = facts.group?.licenseSkuIds ?? [];
  const users = changing.filter((p) => p.type === 'user');
  for (const skuId of skuIds) {
    const sku = facts.skus?.find((s) => s.skuId === skuId);
    const name = sku ? skuDisplayName(sku.skuPartNumber) : 'a licence';
    const holdsOtherwise = (p: Principal): boolean =>
      (facts.people.get(p.id)?.licenses ?? []).some((l) => l.skuId === skuId && l.assignedByGroup !== group.id);
    const known = users.filter((p) => facts.people.has(p.id));
    if (op === 'add') {
      const gain = known.filter((p) => !holdsOtherwise(p));
      if (gain.length > 0) preview.notes.push(`${names(gain)} will get ${name} through this group.`);
      const keep = known.filter(holdsOtherwise);
      if (keep.length > 0)
        preview.notes.push(
          `${names(keep)} already ${keep.length === 1 ? 'has' : 'have'} ${name} another way, so no extra unit is used for them.`,
        );
      if (sku) {
        const left = Math.max(0, sku.enabled - sku.consumed);
        if (gain.length > left) {
          preview.warnings.push(
            `Only ${left === 1 ? '1 unit' : `${left} units`} of ${name} ${left === 1 ? 'is' : 'are'} left for ${gain.length === 1 ? '1 person' : `${gain.length} people`}: ${gain.length - left === 1 ? '1 person' : `${gain.length - left} people`} will be added without the licence (a licence error) until units are bought or freed.`,
          );
        }
      }
    } else {
      const lose = known.filter((p) => !holdsOtherwise(p));
      if (lose.length > 0)
        preview.warnings.push(`${names(lose)} will lose ${name}, which they get only through this group.`);
      const keep = known.filter(holdsOtherwise);
      if (keep.length > 0)
        preview.notes.push(
          `${names(keep)} ${keep.length === 1 ? 'keeps' : 'keep'} ${name}: it is also assigned another way.`,
        );
    }
  }
  // Removing the only owner as a member: they stay owner (and keep managing the group).
  if (op === 'remove' && facts.owners?.length === 1) {
    const owner = facts.owners[0] as { id: string };
    const leaving = changing.find((p) => p.id === owner.id);
    if (leaving)
      preview.warnings.push(
        `${leaving.displayName} is the only owner of '${group.displayName}': they stay its owner after leaving its members, and it keeps no other owner.`,
      );
  }
}

/** Owner removals that would leave the group without an owner. */
function ownerPreview(input: ChangePreviewInput, changing: readonly Principal[], preview: ChangePreview): void {
  const { facts, op, group } = input;
  if (op !== 'remove' || !facts.owners) return;
  const leaving = new Set(changing.map((p) => p.id));
  const remaining = facts.owners.filter((o) => !leaving.has(o.id));
  if (remaining.length === 0 && changing.length > 0) {
    preview.warnings.push(
      `This would leave '${group.displayName}' without an owner. Microsoft Graph refuses to remove the last owner, so add another owner first.`,
    );
  }
}
