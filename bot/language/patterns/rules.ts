/** showRule, setRule and previewRule (dynamic membership rules, kept raw; English goes to ruleText). */
import { makeIntent } from '../intent-build';
import { capture, rx } from '../quote-mask';
import { isRuleSyntax, ruleSlot } from '../rule-detect';
import { groupsSlot } from '../slot-clean';
import type { Matcher } from './matcher';
import { RULE_NOUN } from './vocabulary';

const A_RULE = String.raw`(?:(?:the|a|an|this|that|following|my)\s+)*${RULE_NOUN}`;
const PREVIEW_HEAD = String.raw`(?:who\s+(?:would|will|could|might|does|do)\s+(?:match|be\s+in|be\s+matched\s+by|get\s+in(?:to)?|be\s+included\s+(?:by|in))|who\s+matches|who['’]d\s+match|(?:which|what)\s+(?:users|people|devices)\s+(?:would\s+|will\s+)?match|how\s+many\s+(?:users|people|devices)\s+(?:would\s+|will\s+)?match|preview(?:\s+${A_RULE})?|(?:test|try|evaluate|simulate|dry[-\s]?run)(?:\s+${A_RULE}|(?=\s+[(\-]*(?:user|device)\.))|(?:check|validate|verify)\s+${A_RULE}|what\s+would\s+${A_RULE}\s+match|(?:what(?:['’]s|\s+is|\s+about)|show(?:\s+me)?|run|check|evaluate|try)(?=\s+[(\-]*(?:user|device)\.))`;
const PREVIEW_BARE = rx(String.raw`^(?:preview|who\s+would\s+match|preview\s+${A_RULE}|test\s+${A_RULE})$`);
const PREVIEW = rx(String.raw`^${PREVIEW_HEAD}\s*:?\s+(?<r>.+)$`);
const PREVIEW_OF_GROUP = /^(?:of|for|on)\s+(?<g>.+)$/is;
const INSIDE_GROUP =
  /^(?:(?:a|the|an)\s+)?(?:dynamic\s+)?group\s+(?:with|where|using)\s+(?:(?:the|a)\s+)?(?:rule\s+)?/i;

/** "who would match user.city -eq "Seattle"", "preview everyone in Seattle", a bare rule. */
export const matchPreviewRule: Matcher = (u) => {
  if (isRuleSyntax(u.text)) return makeIntent('previewRule', ruleSlot(u.text));
  if (capture(u, PREVIEW_BARE)) return makeIntent('previewRule');
  const c = capture(u, PREVIEW);
  if (!c || c.r === undefined) return undefined;
  const r = c.r.replace(INSIDE_GROUP, '');
  const ofGroup = PREVIEW_OF_GROUP.exec(r);
  if (ofGroup?.groups?.g !== undefined && !isRuleSyntax(r))
    return makeIntent('previewRule', { groups: groupsSlot(ofGroup.groups.g) });
  return makeIntent('previewRule', ruleSlot(r));
};

const SET_VERB = String.raw`(?:set|change|update|replace|modify|edit|make|use|put)`;
const TO = String.raw`(?:\s+(?:to|as|with|into)(?:\s*[:=]\s*|\s+)|\s*[:=]\s*)`;
const SET: RegExp[] = [
  rx(String.raw`^${SET_VERB}\s+${A_RULE}\s+(?:of|for|on|in)\s+(?<g>.+?)${TO}(?<r>.+)$`),
  rx(String.raw`^${SET_VERB}\s+(?<g>.+?)['’]s?\s+${RULE_NOUN}${TO}(?<r>.+)$`),
  rx(
    String.raw`^(?:make\s+(?<g>.+?)\s+(?:a\s+)?dynamic(?:\s+group)?|convert\s+(?<g2>.+?)\s+(?:to|into)\s+(?:a\s+)?dynamic(?:\s+group)?)\s+(?:with|using|for|where|based\s+on)\s+(?:(?:the|a)\s+)?(?:rule\s+)?(?<r>.+)$`,
  ),
  rx(String.raw`^(?:apply|use)\s+${A_RULE}\s+(?<r>.+?)\s+(?:to|for|on)\s+(?<g>.+)$`),
  rx(String.raw`^${SET_VERB}\s+${A_RULE}\s+(?:of|for|on|in)\s+(?<g>.+)$`),
  rx(String.raw`^${SET_VERB}\s+(?<g>.+?)['’]s?\s+${RULE_NOUN}$`),
  rx(
    String.raw`^(?:make\s+(?<g>.+?)\s+(?:a\s+)?dynamic(?:\s+group)?|convert\s+(?<g2>.+?)\s+(?:to|into)\s+(?:a\s+)?dynamic(?:\s+group)?)$`,
  ),
  rx(String.raw`^${SET_VERB}\s+${A_RULE}$`),
];

/** "set the rule of X to <rule>", "change Marketing department's rule to ...", "make X dynamic with ...". */
export const matchSetRule: Matcher = (u) => {
  for (const re of SET) {
    const c = capture(u, re);
    if (c) return makeIntent('setRule', { groups: groupsSlot(c.g ?? c.g2), ...ruleSlot(c.r) });
  }
  return undefined;
};

const SHOW_RULE: RegExp[] = [
  rx(
    String.raw`^(?:what(?:['’]s|\s+is|\s+are|s)|show(?:\s+me)?|get|display|view|see|tell\s+me|print|give\s+me|read|explain|check)\s+(?:the\s+)?(?:current\s+)?${RULE_NOUN}\s+(?:of|for|on|in|used\s+by|behind)\s+(?<g>.+)$`,
  ),
  rx(String.raw`^(?:what(?:['’]s|\s+is|s)|show(?:\s+me)?|get|display|view)\s+(?<g>.+?)['’]s?\s+${RULE_NOUN}$`),
  rx(String.raw`^(?:what|which)\s+${RULE_NOUN}\s+(?:does|do)\s+(?<g>.+?)\s+(?:use|have|follow)$`),
  rx(
    String.raw`^how\s+(?:is|are|does)\s+(?<g>.+?)(?:['’]s)?\s+(?:membership\s+)?(?:calculated|determined|populated|defined|computed|decided|built|filled|work|get\s+(?:its\s+)?members)$`,
  ),
  rx(String.raw`^${RULE_NOUN}\s+(?:of|for)\s+(?<g>.+)$`),
  rx(String.raw`^(?:what(?:['’]s|\s+is)|show(?:\s+me)?)\s+(?:the\s+)?${RULE_NOUN}$`),
];

/** "what's the membership rule for Marketing", "show Marketing's rule". */
export const matchShowRule: Matcher = (u) => {
  for (const re of SHOW_RULE) {
    const c = capture(u, re);
    if (c) return makeIntent('showRule', { groups: groupsSlot(c.g) });
  }
  return undefined;
};
