/** Shared wording for people and groups in cards: kind labels, one-line descriptions, button titles. */
import { plainTitle } from './elements';
import { Markdown, md } from './markdown';
import { formatDay } from './card-time';
import { kindTitle } from '../graph-model/group-kind';
import type { GroupSummary, PersonSummary } from './view-models';

/** "Security group", "Dynamic Microsoft 365 group": the shared wording (graph-model/group-kind.ts). */
export { kindTitle } from '../graph-model/group-kind';

/** "1 member", "3 members". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The address that tells namesakes apart. */
export function personAddress(p: PersonSummary): string | undefined {
  return p.mail ?? p.userPrincipalName;
}

/** "Designer, Design" from job title and department. */
function personRole(p: PersonSummary): string | undefined {
  const parts = [p.jobTitle, p.department].filter((x): x is string => !!x && x.trim() !== '');
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** Bold name, then address, role and a guest marker: one line. */
export function personLine(p: PersonSummary): Markdown {
  const bits: Markdown[] = [md`**${p.displayName}**`];
  const addr = personAddress(p);
  if (addr) bits.push(md`${addr}`);
  const role = personRole(p);
  if (role) bits.push(md`${role}`);
  if (p.userType === 'Guest') bits.push(Markdown.trusted('guest'));
  return Markdown.join(bits, ' · ');
}

/** "owned by Olga Owner and Bob Kelly", or undefined when the owners are not known. */
export function ownedBy(g: GroupSummary): string | undefined {
  const names = (g.owners ?? []).map((o) => o.displayName).filter((n) => n !== '');
  if (g.owners && names.length === 0) return 'no owner';
  if (names.length === 0) return undefined;
  const shown = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
  return `owned by ${shown}${g.ownerCount !== undefined && g.ownerCount > names.length ? ' and others' : ''}`;
}

/** Bold name, then kind, address, owners (when known) and description: one line. */
export function groupLine(g: GroupSummary): Markdown {
  const bits: Markdown[] = [md`**${g.displayName}**`, md`${kindTitle(g.kind, g.dynamic)}`];
  if (g.mail) bits.push(md`${g.mail}`);
  const owners = ownedBy(g);
  if (owners) bits.push(md`${owners}`);
  if (g.description) bits.push(md`${plainTitle(g.description, 120)}`);
  return Markdown.join(bits, ' · ');
}

/**
 * Button titles for groups shown together, each different from the others: "Finance Readers (Security group)",
 * and for groups that would still read the same, their mail, then their owners, then when they were created, and
 * as a last resort a number ("Finance Readers (Security group, finance@contoso.com)"). Never throws.
 */
export function groupButtonTitles(groups: readonly GroupSummary[]): string[] {
  const details = groups.map((g) => [kindTitle(g.kind, g.dynamic)]);
  const extras: ((g: GroupSummary) => string | undefined)[] = [
    (g) => g.mail,
    (g) => ownedBy(g),
    (g) => (g.createdDateTime ? `created ${formatDay(new Date(g.createdDateTime)) || g.createdDateTime}` : undefined),
  ];
  const title = (i: number): string => `${groups[i]?.displayName} (${(details[i] ?? []).join(', ')})`.toLowerCase();
  const clashing = (): number[] =>
    groups.map((_, i) => i).filter((i) => groups.some((_, j) => j !== i && title(j) === title(i)));
  for (const extra of extras) {
    const clash = clashing();
    if (clash.length === 0) break;
    for (const i of clash) {
      const x = extra(groups[i] as GroupSummary);
      if (x) details[i]?.push(x);
    }
  }
  clashing().forEach((i, n) => details[i]?.push(`#${n + 1}`));
  return groups.map((g, i) => plainTitle(`${g.displayName} (${(details[i] ?? []).join(', ')})`, 120));
}

/** Button title for a person: "Ana Lopez (ana@contoso.com)". */
export function personButtonTitle(p: PersonSummary): string {
  const addr = personAddress(p);
  return plainTitle(addr ? `${p.displayName} (${addr})` : p.displayName, 80);
}

/** Button title for a group: "Marketing (Security group)". */
export function groupButtonTitle(g: GroupSummary): string {
  return plainTitle(`${g.displayName} (${kindTitle(g.kind, g.dynamic)})`, 80);
}
