import type { Intent, SmallTalkTopic } from '../language';
import type { CommandContext, Outcome } from './context';
import { say } from './reply';

const LINES: Record<SmallTalkTopic, string> = {
  thanks: "You're welcome! Tell me whenever you need another group change.",
  ack: 'Great. I am here when you need me.',
  bye: 'Bye for now! Message me any time you need something in your groups.',
  howAreYou: "I'm doing well, thanks for asking. What can I do for your groups today?",
  praise: 'Thank you, glad it helped!',
  sorry: 'No problem at all. What would you like to do?',
};

/** "thanks", "ok", "bye", "how are you": one short friendly line, no card. Never throws. */
export async function run(intent: Intent, _ctx: CommandContext): Promise<Outcome> {
  // The dispatcher checked the slots against the table, so a smallTalk topic is one of SmallTalkTopic.
  return say(LINES[(intent.topic ?? 'ack') as SmallTalkTopic] ?? LINES.ack);
}
