/** exportMembers: "export the members of Marketing", "download the member list of Sales as CSV". */
import { makeIntent } from '../intent-build';
import { capture, rx } from '../quote-mask';
import { groupsSlot } from '../slot-clean';
import type { Matcher } from './matcher';

const VERB = String.raw`(?:export|download|dump|save)`;
const NOUN = String.raw`(?:members|member\s+list|membership|memberships|people|users)`;
const AS_CSV = String.raw`(?:\s+(?:as|to|in(?:to)?)\s+(?:an?\s+)?(?:csv|excel|spreadsheet|file)(?:\s+file)?)?`;
const EXPORT: RegExp[] = [
  rx(String.raw`^(?:please\s+)?${VERB}\s+(?:all\s+)?(?:the\s+)?${NOUN}\s+(?:of|in|from|for)\s+(?<g>.+?)${AS_CSV}$`),
  rx(String.raw`^(?:please\s+)?${VERB}\s+(?:the\s+)?(?<g>.+?)(?:['’]s?)?\s+${NOUN}${AS_CSV}$`),
  rx(
    String.raw`^(?:please\s+)?(?:give\s+me|send\s+me|i\s+(?:want|need))\s+(?:an?\s+|the\s+)?(?:csv|excel|spreadsheet)\s+(?:file\s+)?(?:of|with)\s+(?:the\s+)?${NOUN}\s+(?:of|in)\s+(?<g>.+)$`,
  ),
];

/** "export the members of Marketing (as CSV)". */
export const matchExportMembers: Matcher = (u) => {
  for (const re of EXPORT) {
    const c = capture(u, re);
    if (c) return makeIntent('exportMembers', { groups: groupsSlot(c.g) });
  }
  return undefined;
};
