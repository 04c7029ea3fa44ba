/**
 * The directory pass over a parsed intent: the group phrases the pure parse found are read again against the
 * gazetteer ("the phoenix project team" → Project Phoenix, "exec leadership" → Executive Leadership), and a
 * group the parse missed is taken from the spans of the whole message when exactly one group is named there.
 * When a phrase reads as two different groups equally well, the caller asks which. Pure.
 */
import type { Intent, IntentName } from './intent';
import type { Gazetteer } from './entity-gazetteer';
import { spotEntities, type EntitySpan } from './entity-spot';
import { foldName, GENERIC_WORDS } from './name-fold';

/** A question to ask before running: which group a phrase means. */
export interface GroupQuestion {
  position: number;
  phrase: string;
  candidates: Array<{ id: string; name: string }>;
}

export interface SlotReading {
  intent: Intent;
  ask?: GroupQuestion;
}

/** Intents that act on or ask about one or more groups by name. */
const NEEDS_GROUP = new Set<IntentName>([
  'addMembers',
  'removeMembers',
  'addOwners',
  'removeOwners',
  'listMembers',
  'listOwners',
  'showGroup',
  'checkMembership',
]);

/** True when the directory pass has something to add: the intent names groups or needs one. Pure. */
export function readsGroups(intent: Intent): boolean {
  return (intent.groups ?? []).length > 0 || NEEDS_GROUP.has(intent.intent);
}

/** True when nothing of `phrase` is left outside the span but generic words and punctuation. */
function covers(phrase: string, span: EntitySpan): boolean {
  const rest = foldName(phrase.slice(0, span.start) + ' ' + phrase.slice(span.end));
  return rest.length === 0 || rest.split(' ').every((w) => GENERIC_WORDS.has(w));
}

function distinctNames(span: EntitySpan): number {
  return new Set(span.candidates.map((c) => c.name)).size;
}

/** The group one phrase names: a new phrase (the directory's spelling), a question, or nothing to change. */
function readPhrase(phrase: string, position: number, g: Gazetteer): { name?: string; ask?: GroupQuestion } {
  const spans = spotEntities(phrase, g).filter((s) => s.kind === 'group');
  const span = spans[0];
  if (spans.length !== 1 || span === undefined || !covers(phrase, span)) return {};
  if (distinctNames(span) > 1) return { ask: { position, phrase, candidates: span.candidates } };
  const name = span.candidates[0]?.name;
  return name !== undefined && foldName(name) !== foldName(phrase) ? { name } : {};
}

/**
 * Reads the intent's group slots through the gazetteer (see the module comment). Returns the intent unchanged
 * when the gazetteer adds nothing. Never throws.
 */
export function readSlotsThroughDirectory(intent: Intent, text: string, g: Gazetteer): SlotReading {
  const groups = intent.groups ?? [];
  if (groups.length === 0) return fillMissingGroup(intent, text, g);
  const next = [...groups];
  for (let i = 0; i < groups.length; i += 1) {
    const read = readPhrase(groups[i] as string, i, g);
    if (read.ask) return { intent: { ...intent, groups: next }, ask: read.ask };
    if (read.name !== undefined) next[i] = read.name;
  }
  return next.every((v, i) => v === groups[i]) ? { intent } : { intent: { ...intent, groups: next } };
}

/** "INC0048213 User: Joni Sherman Group: Legal": the one group the message names fills a missing slot. */
function fillMissingGroup(intent: Intent, text: string, g: Gazetteer): SlotReading {
  if (!NEEDS_GROUP.has(intent.intent)) return { intent };
  const people = new Set((intent.users ?? []).map(foldName));
  const spans = spotEntities(text, g).filter((s) => s.kind === 'group' && !people.has(foldName(s.text)));
  const span = spans[0];
  if (spans.length !== 1 || span === undefined) return { intent };
  if (distinctNames(span) > 1)
    return {
      intent: { ...intent, groups: [span.text] },
      ask: { position: 0, phrase: span.text, candidates: span.candidates },
    };
  return { intent: { ...intent, groups: [span.candidates[0]?.name ?? span.text] } };
}
