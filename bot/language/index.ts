/** bot/language: pure text → Intent (docs/cards-and-conversation.md, Intents). No I/O, no Teams types. */
export type { Intent, IntentName, SmallTalkTopic } from './intent';
export { INTENT_NAMES } from './intent';
export { INTENT_TABLE, featuredExamples, helpLines, intentSpec, slotProblems } from './intent-table';
export { MAX_UTTERANCE_LENGTH, parseIntent } from './intent-parse';
export { normalizeUtterance } from './text-normalize';
export { suggestRequests } from './intent-suggest';
