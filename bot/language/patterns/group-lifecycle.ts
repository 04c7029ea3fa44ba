/** renameGroup, updateGroup (description, visibility), deleteGroup and restoreGroup. */
import type { Visibility } from '../intent';
import { makeIntent } from '../intent-build';
import { capture, rx } from '../quote-mask';
import { cleanFree, cleanName, groupsSlot } from '../slot-clean';
import type { Matcher } from './matcher';

const RENAME: RegExp[] = [
  rx(String.raw`^(?:rename|re-name)\s+(?<g>.+?)\s+(?:to|as|into|=)\s+(?<n>.+)$`),
  rx(
    String.raw`^(?:change|update|set|modify|edit)\s+(?:the\s+)?(?:display\s+|group\s+)?name\s+(?:of|for|on)\s+(?<g>.+?)(?:\s+(?:to|as|into)(?:\s*[:=]\s*|\s+)|\s*[:=]\s*)(?<n>.+)$`,
  ),
  rx(
    String.raw`^(?:change|update|set|modify|edit)\s+(?<g>.+?)['’]s?\s+(?:display\s+)?name\s*(?:\s+(?:to|as|into)\s+|[:=]\s*)(?<n>.+)$`,
  ),
  rx(String.raw`^(?:call|retitle)\s+(?<g>.+?)\s+(?<n>.+?)\s+instead$`),
  rx(String.raw`^(?:rename|re-name)(?:\s+(?<g>.+))?$`),
];

/** "rename Marketing to Marketing EMEA", "change the name of X to Y". */
export const matchRename: Matcher = (u) => {
  for (const re of RENAME) {
    const c = capture(u, re);
    if (c) return makeIntent('renameGroup', { groups: groupsSlot(c.g), name: cleanName(c.n) });
  }
  return undefined;
};

const VIS = String.raw`(?<v>private|public|hidden(?:\s+membership)?|hidden\s+members|hiddenmembership|membership\s+hidden)`;
const VISIBILITY: RegExp[] = [
  rx(
    String.raw`^(?:set|change|update|switch|make)\s+(?:the\s+)?visibility\s+(?:of|for|on)\s+(?<g>.+?)(?:\s+(?:to|as)\s+|\s*[:=]\s*)${VIS}$`,
  ),
  rx(
    String.raw`^(?:set|change|update|switch|make)\s+(?<g>.+?)['’]s?\s+visibility\s*(?:\s+(?:to|as)\s+|[:=]\s*)${VIS}$`,
  ),
  rx(
    String.raw`^(?:make|set|change|switch|turn|mark|convert|update)\s+(?<g>.+?)\s+(?:to\s+(?:be\s+)?|as\s+|into\s+)?(?:an?\s+)?${VIS}(?:\s+(?:group|team))?$`,
  ),
  rx(String.raw`^(?<v>hide)\s+(?:the\s+)?(?:members|membership|member\s+list)\s+(?:of|for|in)\s+(?<g>.+)$`),
];

function visibility(word: string | undefined): Visibility | undefined {
  if (word === undefined) return undefined;
  const w = word.toLowerCase();
  if (w === 'private') return 'Private';
  if (w === 'public') return 'Public';
  return 'HiddenMembership';
}

const DESCRIPTION: RegExp[] = [
  rx(
    String.raw`^(?:set|change|update|edit|modify|replace)\s+(?:the\s+)?description\s+(?:of|for|on)\s+(?<g>.+?)(?:\s+(?:to|as|with)(?:\s*[:=]\s*|\s+)|\s*[:=]\s*)(?<d>.+)$`,
  ),
  rx(
    String.raw`^(?:set|change|update|edit|modify|replace)\s+(?<g>.+?)['’]s?\s+description\s*(?:\s+(?:to|as|with)\s+|[:=]\s*)(?<d>.+)$`,
  ),
  rx(
    String.raw`^(?:add|give|put|set)\s+(?:an?\s+|the\s+)?description\s+(?:to|on|for)\s+(?<g>.+?)(?:\s*[:,]\s*|\s+(?:saying|that\s+says|reading|as|of)\s+)(?<d>.+)$`,
  ),
  rx(String.raw`^(?:add|give|put|set)\s+(?:an?\s+|the\s+)?description\s+(?<d>.+?)\s+(?:to|on|for)\s+(?<g>.+)$`),
  rx(String.raw`^describe\s+(?<g>.+?)\s+as\s+(?<d>.+)$`),
  rx(String.raw`^(?:update|edit)\s+(?<g>.+?)\s+with\s+(?:the\s+|a\s+)?(?:new\s+)?description\s*[:=]?\s*(?<d>.+)$`),
  rx(String.raw`^give\s+(?<g>.+?)\s+(?:the\s+|a\s+)?description\s*[:=]?\s*(?<d>.+)$`),
];

const UPDATE_BARE = rx(
  String.raw`^(?:update|edit|modify|change)\s+(?:the\s+)?(?:settings\s+of\s+|properties\s+of\s+|details\s+of\s+)?(?<g>.+)$`,
);

/** "make X private", "set the description of X to ...", "update X". */
export const matchUpdate: Matcher = (u) => {
  for (const re of VISIBILITY) {
    const c = capture(u, re);
    if (c) return makeIntent('updateGroup', { groups: groupsSlot(c.g), visibility: visibility(c.v) });
  }
  for (const re of DESCRIPTION) {
    const c = capture(u, re);
    if (c) return makeIntent('updateGroup', { groups: groupsSlot(c.g), description: cleanFree(c.d) });
  }
  const c = capture(u, UPDATE_BARE);
  return c ? makeIntent('updateGroup', { groups: groupsSlot(c.g) }) : undefined;
};

const DELETE: RegExp[] = [
  rx(
    String.raw`^(?:delete|destroy|remove|drop|trash|get\s+rid\s+of|archive|nuke|erase|deprovision|decommission|kill)\s+(?:the\s+)?(?:group|team)\s+(?<g>.+)$`,
  ),
  rx(
    String.raw`^(?:delete|destroy|remove|drop|trash|get\s+rid\s+of|erase|archive)\s+(?<g>.+?\s+(?:group|team|groups|teams))$`,
  ),
  rx(String.raw`^(?:delete|destroy|get\s+rid\s+of|trash|erase|nuke|deprovision|decommission)\s+(?<g>.+)$`),
  rx(String.raw`^(?:delete|destroy|remove)(?:\s+(?:a|the|this|that|one)?\s*(?:group|team))?$`),
];

/** "delete group X", "remove the Marketing group", "get rid of X". */
export const matchDelete: Matcher = (u) => {
  for (const re of DELETE) {
    const c = capture(u, re);
    if (c) return makeIntent('deleteGroup', { groups: groupsSlot(c.g) });
  }
  return undefined;
};

const RESTORE: RegExp[] = [
  rx(
    String.raw`^(?:restore|undelete|un-delete|recover|bring\s+back|resurrect|revive)\s+(?:(?:the|a|an)\s+)?(?:deleted\s+|removed\s+)?(?<g>.+)$`,
  ),
  rx(String.raw`^undo\s+(?:the\s+)?(?:deletion|delete|removal)\s+of\s+(?<g>.+)$`),
  rx(String.raw`^(?:restore|undelete|recover)(?:\s+(?:a|the)\s+(?:deleted\s+)?(?:group|team))?$`),
];

/** "restore X", "undelete the Marketing group", "bring back X". */
export const matchRestore: Matcher = (u) => {
  for (const re of RESTORE) {
    const c = capture(u, re);
    if (c) return makeIntent('restoreGroup', { groups: groupsSlot(c.g) });
  }
  return undefined;
};
