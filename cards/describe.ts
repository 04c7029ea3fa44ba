/** Shared wording for people and groups in cards: kind labels, one-line descriptions, button titles. */
import { plainTitle } from './elements';
import { Markdown, md } from './markdown';
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

/** Bold name, then kind, address and description: one line. */
export function groupLine(g: GroupSummary): Markdown {
  const bits: Markdown[] = [md`**${g.displayName}**`, md`${kindTitle(g.kind, g.dynamic)}`];
  if (g.mail) bits.push(md`${g.mail}`);
  if (g.description) bits.push(md`${plainTitle(g.description, 120)}`);
  return Markdown.join(bits, ' · ');
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

/** Plain, single-line text for fallback text and speech. */
export function personPlain(p: PersonSummary): string {
  const addr = personAddress(p);
  return addr ? `${p.displayName} (${addr})` : p.displayName;
}
