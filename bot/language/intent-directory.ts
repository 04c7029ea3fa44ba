/**
 * The hook where the directory's known names enter the parse (`parseIntent(text, { gazetteer })`): a reading that
 * lacks the group or person its intent takes gets the one the message names, found by the entity spotter
 * (entity-spot.ts) among the tenant's names. Pure; a reading that already has them is returned unchanged.
 */
import type { Gazetteer } from './entity-gazetteer';
import { spotEntities } from './entity-spot';
import type { Intent } from './intent';
import { makeIntent } from './intent-build';
import { intentSpec } from './intent-table';

/** The single name of a kind the message names (one span, one candidate), or undefined. */
function onlyName(text: string, gazetteer: Gazetteer, kind: 'group' | 'person'): string | undefined {
  const names = new Set(
    spotEntities(text, gazetteer)
      .filter((s) => s.kind === kind && s.candidates.length === 1)
      .map((s) => s.candidates[0]?.name as string),
  );
  return names.size === 1 ? [...names][0] : undefined;
}

/** Fills a missing `groups` or `users` slot from the directory's names in the message. Never throws. */
export function withDirectoryNames(intent: Intent, text: string, gazetteer: Gazetteer): Intent {
  if (intent.intent === 'multi' || intent.intent === 'unknown') return intent;
  const row = intentSpec(intent.intent);
  const group =
    intent.groups === undefined && row.groups?.includes('groups') ? onlyName(text, gazetteer, 'group') : undefined;
  const user =
    intent.users === undefined && row.people?.includes('users') ? onlyName(text, gazetteer, 'person') : undefined;
  if (group === undefined && user === undefined) return intent;
  const { intent: name, ...slots } = intent;
  return makeIntent(name, {
    ...slots,
    ...(group !== undefined ? { groups: [group] } : {}),
    ...(user !== undefined ? { users: [user] } : {}),
  });
}
