/**
 * The kinds of Microsoft Graph group and what follows from them, shared by the bot (bot/directory, bot/commands),
 * the cards and the Graph emulator so that all three decide and name a group's kind the same way
 * (docs/graph-behaviour.md, Kinds of group). Pure; never throws.
 */

/** Kind of group, decided by groupTypes, mailEnabled and securityEnabled. */
export type GroupKind = 'microsoft365' | 'security' | 'mailEnabledSecurity' | 'distribution';

/** The three properties that decide a group's kind and whether its membership is dynamic. */
export interface GroupKindFields {
  groupTypes: readonly string[];
  mailEnabled: boolean;
  securityEnabled: boolean;
}

/** The kind of a group: "Unified" in groupTypes is Microsoft 365; otherwise mail and security flags decide. */
export function groupKind(g: GroupKindFields): GroupKind {
  if (g.groupTypes.includes('Unified')) return 'microsoft365';
  if (g.mailEnabled && g.securityEnabled) return 'mailEnabledSecurity';
  if (g.mailEnabled) return 'distribution';
  return 'security';
}

/** True for dynamic-membership groups (members come from a rule, never added by hand). */
export function isDynamic(g: Pick<GroupKindFields, 'groupTypes'>): boolean {
  return g.groupTypes.includes('DynamicMembership');
}

/** True for the kinds Graph cannot change (mail-enabled security groups, distribution lists: Exchange owns them). */
export function isReadOnlyKind(kind: GroupKind): boolean {
  return kind === 'mailEnabledSecurity' || kind === 'distribution';
}

/** True when Graph cannot change this group (its kind is read-only). */
export function isReadOnlyGroup(g: GroupKindFields): boolean {
  return isReadOnlyKind(groupKind(g));
}

const KIND_LABELS: Record<GroupKind, string> = {
  microsoft365: 'Microsoft 365 group',
  security: 'security group',
  mailEnabledSecurity: 'mail-enabled security group',
  distribution: 'distribution list',
};

/**
 * The kind as words inside a sentence: "security group", "dynamic Microsoft 365 group", "distribution list".
 * Takes a kind (and whether it is dynamic) or a group. Start a title or a fact with {@link kindTitle}.
 */
export function kindLabel(of: GroupKind | GroupKindFields, dynamic = false): string {
  const label = typeof of === 'string' ? KIND_LABELS[of] : KIND_LABELS[groupKind(of)];
  return (typeof of === 'string' ? dynamic : isDynamic(of)) ? `dynamic ${label}` : label;
}

/** The kind at the start of a title or a fact: "Security group", "Dynamic Microsoft 365 group". */
export function kindTitle(of: GroupKind | GroupKindFields, dynamic = false): string {
  const label = kindLabel(of, dynamic);
  return label.charAt(0).toUpperCase() + label.slice(1);
}
