/** Regular-expression fragments shared by the pattern files (sources, compiled with `rx`). */

/** Verbs that ask to see something. */
export const SHOW = String.raw`(?:list|show|get|display|give|see|view|fetch|find|enumerate|print|pull\s+up|bring\s+up|what\s+are|which\s+are|tell\s+me|who\s+are)`;
/** "me"/"us" after a showing verb. */
export const ME_OPT = String.raw`(?:(?:me|us)\s+)?`;
/** Quantifiers and articles before a plural noun ("all the", "every", "the full list of"). */
export const ALL_OPT = String.raw`(?:(?:all|every|each|the\s+full\s+list\s+of|the\s+list\s+of|a\s+list\s+of|list\s+of|the|current|of)\s+)*`;
/** Relations meaning "is a member of". */
export const IN_REL = String.raw`(?:in|inside|within|on|part\s+of|a\s+part\s+of|included\s+in|listed\s+in|still\s+in|already\s+in|(?:still\s+|already\s+)?(?:an?\s+)?(?:direct\s+|nested\s+|indirect\s+|current\s+)?members?\s+of)`;
/** Words that qualify a rule ("the dynamic membership rule"). */
export const RULE_NOUN = String.raw`(?:(?:dynamic|membership|group)\s+)*(?:rules?|rule\s+syntax|query|membership\s+query)`;
