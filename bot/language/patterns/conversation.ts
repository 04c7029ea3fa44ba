/** help and cancel: greetings, questions about the bot, and ways of saying "stop". */
import { makeIntent } from '../intent-build';
import { rx } from '../quote-mask';
import type { Matcher } from './matcher';

const HELP = rx(
  String.raw`^(?:(?:hi|hello|hey|hiya|howdy|yo|greetings|good\s+(?:morning|afternoon|evening|day)|sup|what['’]?s\s+up)(?:\s+(?:there|all|everyone|team|folks|group\s*bot|bot))?|@?group\s*bot|bot|help|help\s+me|help\s+please|h|\?+|what\s+can\s+(?:you|i)\s+do(?:\s+(?:here|with\s+you|for\s+me))?|what\s+do\s+you\s+do|what\s+can\s+i\s+(?:ask|say|type)(?:\s+you)?|what\s+are\s+you|who\s+are\s+you|what\s+are\s+your\s+(?:commands|features|capabilities|skills)|how\s+does\s+this\s+work|how\s+do\s+(?:i|you)\s+use\s+(?:this|you|it|group\s*bot)|how\s+(?:can|do)\s+you\s+help(?:\s+me)?|commands|list\s+commands|menu|options|usage|get\s+started|getting\s+started|start|show\s+(?:me\s+)?(?:the\s+)?(?:commands|help|options|menu)|tell\s+me\s+about\s+yourself|instructions|manual|guide|about|what\s+is\s+this|examples?|show\s+(?:me\s+)?examples?|i['’]?m\s+(?:lost|confused|stuck|new(?:\s+here)?)|i\s+am\s+(?:lost|confused|stuck)|what\s+can\s+you\s+help\s+(?:me\s+)?with|what\s+do\s+you\s+help\s+with)$`,
);

const CANCEL = rx(
  String.raw`^(?:cancel|cancel\s+(?:that|this|it|everything|the\s+request|the\s+operation|please)|stop|stop\s+(?:that|it|this)|never\s*mind|nvm|forget\s+(?:it|that|about\s+it)|abort|quit|exit|no\s+thanks|no\s+thank\s+you|scratch\s+that|don['’]?t|do\s+not|don['’]?t\s+do\s+(?:it|that)|no|nope|nah|not\s+now|skip|skip\s+it|halt|leave\s+it|i\s+changed\s+my\s+mind|changed\s+my\s+mind|forget\s+i\s+asked|(?:no|wait|stop|hold\s+on)(?:[\s,!.]+(?:no|wait|stop|hold\s+on|cancel(?:\s+(?:that|it))?|don['’]?t(?:\s+do\s+(?:that|it))?|never\s*mind))+)$`,
);

const HELP_FALLBACK = rx(
  String.raw`^(?:help\b|how\s+(?:do|can|does|should|would)\s+(?:i|you|we|one)\b|what\s+(?:commands|things)\b|can\s+you\s+help\b|what\s+else\s+can\s+you\b)`,
);

/** Exact greetings and help questions. */
export const matchHelp: Matcher = (u) => (HELP.test(u.masked) ? makeIntent('help') : undefined);

/** "cancel", "never mind", "stop"... */
export const matchCancel: Matcher = (u) => (CANCEL.test(u.masked) ? makeIntent('cancel') : undefined);

/** Last resort before unknown: "help with ...", "how do I ...". */
export const matchHelpFallback: Matcher = (u) => (HELP_FALLBACK.test(u.masked) ? makeIntent('help') : undefined);
