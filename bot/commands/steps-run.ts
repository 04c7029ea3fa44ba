import type { Intent } from '../language';
import type { CommandContext, Outcome } from './context';
import { say } from './reply';

/** Most operations one message may ask for; more is refused (a pasted script, not a chat message). */
const MAX_STEPS = 5;

/** Runs one intent (the dispatcher's runIntent, passed in to keep the modules acyclic). Never throws. */
export type RunOne = (intent: Intent, ctx: CommandContext) => Promise<Outcome>;

/**
 * "add Ana to Sales and Bob to Legal": runs each step of a `multi` intent in order and answers with all their
 * replies (each step asks for its own confirmation or choice). Never throws.
 */
export async function run(intent: Intent, ctx: CommandContext, runOne: RunOne): Promise<Outcome> {
  const steps = (intent.steps ?? []).filter((s) => s.intent !== 'multi');
  if (steps.length === 0) return say("I couldn't tell what to do first. Please ask for one thing at a time.");
  if (steps.length > MAX_STEPS)
    return say(`That is ${steps.length} requests in one message; please send at most ${MAX_STEPS} at a time.`);
  const replies: Outcome['replies'] = [];
  for (const step of steps) replies.push(...(await runOne(step, ctx)).replies);
  return { replies };
}
