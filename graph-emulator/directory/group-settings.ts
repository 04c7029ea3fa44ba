/**
 * Tenant-wide group settings (docs/graph-behaviour.md, Microsoft 365 groups), stored as JSON in the directory's meta table under
 * `groupSettings`. Only the `Group.Unified` template is emulated: its naming policy
 * (`PrefixSuffixNamingRequirement`) and blocked words (`CustomBlockedWordsList`) drive validateProperties.
 */
import type { DirectoryStore } from '../store/directory-store';

export const GROUP_UNIFIED_TEMPLATE_ID = '62375ab9-6b52-47ed-826b-58e47e0e304b';

/** Setting names of Group.Unified with their default values. */
export const GROUP_UNIFIED_DEFAULTS: Readonly<Record<string, string>> = {
  CustomBlockedWordsList: '',
  EnableMSStandardBlockedWords: 'false',
  ClassificationDescriptions: '',
  DefaultClassification: '',
  PrefixSuffixNamingRequirement: '',
  AllowGuestsToBeGroupOwner: 'false',
  AllowGuestsToAccessGroups: 'true',
  GuestUsageGuidelinesUrl: '',
  GroupCreationAllowedGroupId: '',
  AllowToAddGuests: 'true',
  UsageGuidelinesUrl: '',
  ClassificationList: '',
  EnableGroupCreation: 'true',
  NewUnifiedGroupWritebackDefault: 'true',
};

export interface GroupSetting {
  id: string;
  displayName: string;
  templateId: string;
  values: { name: string; value: string }[];
}

/** The stored settings objects. Throws only if the meta value is corrupt JSON (a bug). */
export function readGroupSettings(store: DirectoryStore): GroupSetting[] {
  const raw = store.meta.get('groupSettings');
  return raw ? (JSON.parse(raw) as GroupSetting[]) : [];
}

/** A Group.Unified value (the template default when unset). Never throws on a healthy store. */
export function unifiedSetting(store: DirectoryStore, name: string): string {
  const s = readGroupSettings(store).find((x) => x.templateId === GROUP_UNIFIED_TEMPLATE_ID);
  return s?.values.find((v) => v.name === name)?.value ?? GROUP_UNIFIED_DEFAULTS[name] ?? '';
}
