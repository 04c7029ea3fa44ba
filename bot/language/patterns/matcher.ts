/** The shape shared by the pattern files: a matcher looks at one normalised utterance. */
import type { Intent } from '../intent';
import type { Utterance } from '../quote-mask';

/** Returns the Intent when the utterance has this shape, undefined to let the next matcher try. Never throws. */
export type Matcher = (u: Utterance) => Intent | undefined;
