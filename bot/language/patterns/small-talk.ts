/** smallTalk (thanks, ok, bye, how are you, praise, sorry) and undo ("oops, undo that"). */
import type { SmallTalkTopic } from '../intent';
import { makeIntent } from '../intent-build';
import { rx } from '../quote-mask';
import type { Matcher } from './matcher';

const TOPICS: Array<[SmallTalkTopic, RegExp]> = [
  [
    'thanks',
    rx(
      String.raw`^(?:(?:ok(?:ay)?|great|perfect|awesome|brilliant|excellent|nice|cool|super|lovely|amazing|fantastic|wonderful|that['’]?s\s+(?:great|perfect|it))[\s,!.]*)?(?:thanks?|thank\s+you|thx|ty|tysm|cheers|ta|many\s+thanks|much\s+appreciated|appreciate\s+it|thanks?\s+(?:a\s+lot|a\s+bunch|so\s+much|very\s+much|mate|again|heaps|a\s+million|buddy|man)|thank\s+you\s+(?:so|very)\s+much|thx\s+a\s+lot|you['’]?re\s+a\s+(?:star|lifesaver))(?:[\s,!.]*(?:mate|buddy|bot|groupbot|again))?$`,
    ),
  ],
  [
    'ack',
    rx(
      String.raw`^(?:ok(?:ay)?|k|kk|okey[\s-]?dokey|alright|all\s+right|right|sure|fine|great|nice|cool|perfect|awesome|good|noted|got\s+it|gotcha|understood|sounds\s+good|makes\s+sense|will\s+do|lol|haha+|yes|yep|yeah|yup)(?:[\s,!.]+(?:ok(?:ay)?|cool|great|thanks?|then|good|nice))*$`,
    ),
  ],
  [
    'howAreYou',
    rx(
      String.raw`^(?:how\s+are\s+(?:you|u|ya)(?:\s+(?:doing|today))?|how['’]?s\s+it\s+going|how\s+is\s+it\s+going|how\s+(?:have\s+)?you\s+been|what['’]?s\s+new|you\s+(?:ok|alright|there)|are\s+you\s+(?:ok|alright|awake|alive))$`,
    ),
  ],
  [
    'praise',
    rx(
      String.raw`^(?:you(?:['’]?re|\s+are)\s+(?:awesome|great|the\s+best|amazing|brilliant|a\s+star|helpful|so\s+helpful|smart)|you\s+rock|good\s+(?:bot|job|work)|nice\s+(?:one|work|job)|well\s+done|great\s+(?:job|work)|love\s+(?:it|you|this)|(?:very\s+)?helpful|legend)$`,
    ),
  ],
  [
    'bye',
    rx(
      String.raw`^(?:bye|bye\s+bye|goodbye|good\s+bye|bye\s+for\s+now|see\s+(?:you|ya|u)(?:\s+(?:later|soon|tomorrow))?|later|cya|ttyl|good\s*night|have\s+a\s+(?:nice|good|great)\s+(?:day|evening|weekend|one)|talk\s+(?:to\s+you\s+)?(?:later|soon)|that['’]?s\s+all(?:\s+for\s+now)?|i['’]?m\s+done|all\s+done|done)$`,
    ),
  ],
  [
    'sorry',
    rx(
      String.raw`^(?:sorry|so\s+sorry|my\s+bad|my\s+mistake|oops|whoops|oopsie|apologies|sorry[\s,]+my\s+(?:bad|mistake)|sorry\s+about\s+that|ignore\s+(?:that|me|this))$`,
    ),
  ],
];

/** "thanks", "ok great, cheers", "bye", "how are you", "you rock", "sorry". */
export const matchSmallTalk: Matcher = (u) => {
  const t = u.masked.replace(/[\s!.?]+$/u, '');
  if (/^[\p{Extended_Pictographic}\u200D\uFE0F\s]+$/u.test(t))
    return makeIntent('smallTalk', { topic: /\u{1F64F}/u.test(t) ? 'thanks' : 'ack' });
  for (const [topic, re] of TOPICS) if (re.test(t)) return makeIntent('smallTalk', { topic });
  return undefined;
};

const UNDO = rx(
  String.raw`^(?:(?:oops|whoops|argh|damn|ah|uh\s*oh)[\s,!.]*)?(?:(?:can|could)\s+you\s+)?(?:please\s+)?(?:undo|revert|roll\s*back|reverse|take\s+back)(?:\s+(?:that|this|it|what\s+you\s+(?:just\s+)?did|the\s+last\s+(?:change|one|thing|action|operation)|my\s+last\s+(?:change|action|request)|the\s+(?:last\s+)?change|everything|last))?(?:\s+please)?$|^take\s+(?:that|it)\s+back$`,
);

/** "undo", "oops, undo that", "revert the last change", "take that back". */
export const matchUndo: Matcher = (u) => (UNDO.test(u.masked) ? makeIntent('undo') : undefined);
