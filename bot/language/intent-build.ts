/** Building Intent objects with a stable key order and without empty slots. */
import type { Intent, IntentName } from './intent';

export type Slots = Omit<Intent, 'intent'>;

const ORDER: ReadonlyArray<keyof Slots> = [
  'users',
  'memberGroups',
  'groups',
  'handOverTo',
  'kind',
  'source',
  'target',
  'mirror',
  'property',
  'change',
  'check',
  'name',
  'groupType',
  'description',
  'rule',
  'ruleText',
  'dynamic',
  'visibility',
  'startsWith',
  'nameContains',
  'license',
  'members',
  'owners',
  'transitive',
  'explain',
  'durationDays',
  'justification',
  'digest',
  'when',
  'allOwned',
  'topic',
  'listOnOneLine',
  'steps',
];

/** An Intent with `intent` first, then the given slots in a fixed order; undefined, '', [] and false are left out. */
export function makeIntent(intent: IntentName, slots: Slots = {}): Intent {
  const out: Record<string, unknown> = { intent };
  for (const key of ORDER) {
    const value = slots[key];
    if (value === undefined || value === '' || value === false) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out as unknown as Intent;
}
