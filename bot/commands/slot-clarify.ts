/** A reading whose slots do not fit its intent's schema (bot/language/intent-table.ts) becomes a question. */
import { INTENT_TABLE, intentSpec, slotProblems, type Intent } from '../language';
import type { Outcome } from './context';
import { say } from './reply';

/** "addMembers" → "add members". */
function spoken(name: string): string {
  return name.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
}

/**
 * True for a reading of a known intent with no slot at all ("help", most "unknown"s): every slot of the table is
 * optional (intent-table.ts `slots`; test/bot/commands/slot-clarify.test.ts holds it to that), so there is
 * nothing to check, and the schema is not run on this turn.
 */
function namesNoSlot(intent: Intent): boolean {
  for (const key in intent) if (key !== 'intent') return false;
  return Object.prototype.hasOwnProperty.call(INTENT_TABLE, intent.intent);
}

/**
 * Undefined when the intent's slots fit its schema; otherwise a sentence saying what was understood and asking
 * the user to say it again, with an example. Never throws.
 */
export function clarifySlots(intent: Intent): Outcome | undefined {
  if (namesNoSlot(intent)) return undefined;
  const problems = slotProblems(intent);
  if (problems.length === 0) return undefined;
  const known = Object.prototype.hasOwnProperty.call(INTENT_TABLE, intent.intent);
  const example = known ? intentSpec(intent.intent).examples[0] : undefined;
  const hint = example ? ` For example: "${example}".` : '';
  return say(
    `I think you asked me to ${spoken(String(intent.intent))}, but I could not make out ` +
      `${problems.length === 1 ? 'one detail' : 'some details'} (${problems.join('; ')}). Could you say it again?${hint}`,
  );
}
