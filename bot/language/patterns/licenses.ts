/** assignLicense, removeLicense and listLicenses (group-based licensing). */
import { makeIntent } from '../intent-build';
import { capture, rx } from '../quote-mask';
import { cleanFree, groupsSlot } from '../slot-clean';
import type { Matcher } from './matcher';
import { ALL_OPT, ME_OPT, SHOW } from './vocabulary';

const LIC = String.raw`(?:licen[cs]es?)`;
/** SKU-like words that make a phrase a licence even without the word "license". */
const SKU_HINT =
  /\b(?:licen[cs]es?|skus?|[EFAGP][1-5]|copilot|visio|power\s*bi(?:\s+pro)?|project\s+(?:plan\s*\d|online)|ems|intune|teams\s+(?:essentials|premium|phone|rooms)|exchange\s+online(?:\s+plan\s*\d)?|enterprise\s*pack|enterprise\s*premium|spe_\w+|business\s+(?:basic|standard|premium)|defender|entra\s+id\s+p[12]|aad_premium\w*)\b/i;

function isLicense(text: string | undefined): boolean {
  return text !== undefined && SKU_HINT.test(text);
}

/** The licence as written, without articles or a trailing/leading "license"/"SKU" word. */
function cleanLicense(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const t = (cleanFree(text) ?? '')
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/^(?:licen[cs]es?|skus?)\s+(?=\S)/i, '')
    .replace(/\s+(?:licen[cs]es?|skus?|subscriptions?|plans?)$/i, '');
  const u = cleanFree(t);
  return u === undefined || /^(?:licen[cs]es?|skus?)$/i.test(u) ? undefined : u;
}

const GROUP = String.raw`(?:(?:the\s+)?(?:group|team)\s+)?(?<g>.+)`;
const ASSIGN: RegExp[] = [
  rx(
    String.raw`^(?:assign|add|give|grant|apply|attach|allocate|provision|enable)\s+(?<l>.+?)\s+(?:to|for|on)\s+${GROUP}$`,
  ),
  rx(String.raw`^(?:give|grant|assign)\s+(?<g>.+?)\s+(?:the|an?)\s+(?<l>.+)$`),
  rx(String.raw`^(?:give|grant|assign)\s+(?<g>.+)\s+(?<l>\S+\s+${LIC}|[A-Z]\d)$`),
  rx(String.raw`^licen[cs]e\s+(?<g>.+?)\s+(?:for|with)\s+(?<l>.+)$`),
];

const ASSIGN_BARE = rx(String.raw`^(?:assign|add|give|grant)\s+(?:an?\s+|the\s+)?${LIC}$`);
const REMOVE_BARE = rx(String.raw`^(?:remove|revoke|unassign)\s+(?:an?\s+|the\s+)?${LIC}$`);

/** "assign E5 to Marketing", "give Marketing the Office 365 E5 license". */
export const matchAssignLicense: Matcher = (u) => {
  if (capture(u, ASSIGN_BARE)) return makeIntent('assignLicense');
  for (const re of ASSIGN) {
    const c = capture(u, re);
    if (c && isLicense(c.l) && !isLicense(c.g))
      return makeIntent('assignLicense', { groups: groupsSlot(c.g), license: cleanLicense(c.l) });
  }
  return undefined;
};

const REMOVE: RegExp[] = [
  rx(
    String.raw`^(?:remove|revoke|unassign|un-assign|take\s+away|take|drop|delete|strip|pull|disable)\s+(?<l>.+?)(?:\s+away)?\s+(?:from|for|off|of)\s+${GROUP}$`,
  ),
  rx(String.raw`^(?:remove|revoke|take\s+away|strip|unassign)\s+(?<g>.+?)['’]s?\s+(?<l>.+?\s+${LIC}|${LIC}|[A-Z]\d)$`),
  rx(String.raw`^(?:take|strip)\s+(?:the\s+)?(?<l>.+?)\s+away\s+from\s+${GROUP}$`),
];

/** "remove the E5 license from Marketing", "revoke Marketing's Visio license". */
export const matchRemoveLicense: Matcher = (u) => {
  if (capture(u, REMOVE_BARE)) return makeIntent('removeLicense');
  for (const re of REMOVE) {
    const c = capture(u, re);
    if (c && isLicense(c.l))
      return makeIntent('removeLicense', { groups: groupsSlot(c.g), license: cleanLicense(c.l) });
  }
  return undefined;
};

const LICS = String.raw`(?:licen[cs]es|skus|subscriptions|licen[cs]e\s+(?:list|assignments?|skus))`;
/** In a which/what question one licence is asked about too ("which licence does G give"). */
const LIC_Q = String.raw`(?:${LICS}|licen[cs]e|sku|subscription)`;
const LIST_FOR_GROUP: RegExp[] = [
  rx(
    String.raw`^(?:which|what)\s+${LIC_Q}\s+(?:do|does|will|would)\s+(?:the\s+)?(?:members|people|users)\s+(?:of|in)\s+(?<g>.+?)\s+(?:get|have|receive)$`,
  ),
  rx(
    String.raw`^(?:which|what)\s+${LIC_Q}\s+(?:does|do|is|are)\s+(?<g>.+?)\s+(?:have|has|got|get|getting|use|using|assigned|hold|holding|give|giving|grant|granting|provide|providing|include|including|come\s+with|carry|assign|hand\s+out)(?:\s+(?:its\s+|their\s+)?(?:members|people|users))?$`,
  ),
  rx(
    String.raw`^(?:which|what)\s+${LIC_Q}\s+(?:(?:do|does|would|will)\s+(?:you|i|we|people|members|users|someone|one)\s+)?(?:comes?|go(?:es)?|get|receive|are\s+included|is\s+included|are\s+granted|are\s+given)\s+(?:with|from|in|through|via|by\s+(?:joining|being\s+in))\s+(?<g>.+)$`,
  ),
  rx(
    String.raw`^(?:which|what)\s+${LICS}\s+(?:are\s+|is\s+)?(?:assigned\s+to|on|for|in|applied\s+to|given\s+to)\s+(?<g>.+)$`,
  ),
  rx(
    String.raw`^(?:${SHOW}\s+|check\s+)?${ME_OPT}${ALL_OPT}(?:the\s+)?(?:assigned\s+|group\s+)?${LICS}\s+(?:of|for|on|assigned\s+to|in|applied\s+to)\s+(?<g>.+)$`,
  ),
  rx(
    String.raw`^(?:${SHOW}\s+)?${ME_OPT}(?<g>(?!all\b|the\b|available\b|our\b|my\b|${SHOW}\b)[^\n]+?)(?:['’]s?)?\s+${LICS}$`,
  ),
  rx(String.raw`^(?:does|do)\s+(?<g>.+?)\s+have\s+(?:any\s+)?${LICS}$`),
];
const LIST_ALL: RegExp[] = [
  rx(
    String.raw`^(?:which|what)\s+${LICS}\s+(?:are\s+(?:there|available|free|left|in\s+the\s+tenant)|(?:do\s+)?we\s+have|exist|can\s+(?:i|we)\s+(?:assign|use)|(?:does|do)\s+(?:the\s+tenant|our\s+(?:tenant|company|org))\s+have)$`,
  ),
  rx(
    String.raw`^(?:${SHOW}\s+)?${ME_OPT}${ALL_OPT}(?:the\s+)?(?:our\s+|available\s+|tenant\s+|subscribed\s+)*${LICS}(?:\s+(?:available|we\s+have|in\s+the\s+tenant|there\s+are|that\s+exist|left))?$`,
  ),
  rx(
    String.raw`^how\s+many\s+${LICS}\s+(?:are\s+|do\s+we\s+have\s+)?(?:left|available|free|remaining|unused|in\s+use)$`,
  ),
  rx(String.raw`^(?:licen[cs]e|sku)\s+(?:overview|summary|usage|availability)$`),
];

/** "what licenses does X have" (groups), "which licenses are available" (no groups). */
export const matchListLicenses: Matcher = (u) => {
  for (const re of LIST_ALL) if (capture(u, re)) return makeIntent('listLicenses');
  for (const re of LIST_FOR_GROUP) {
    const c = capture(u, re);
    if (c) return makeIntent('listLicenses', { groups: groupsSlot(c.g) });
  }
  return undefined;
};
