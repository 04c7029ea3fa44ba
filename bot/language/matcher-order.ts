/** The order in which the pattern matchers are tried (most specific first) and the words each needs (issue 23.5). */
import { matchCancel, matchHelp, matchHelpFallback } from './patterns/conversation';
import { matchCreateGroup } from './patterns/group-create';
import { matchDelete, matchRename, matchRestore, matchUpdate } from './patterns/group-lifecycle';
import { matchAssignLicense, matchListLicenses, matchRemoveLicense } from './patterns/licenses';
import { matchListGroups, matchShowGroup } from './patterns/listing';
import {
  matchNest,
  matchAddMembers,
  matchBulk,
  matchRemoveMembers,
  matchRemoveMembersBare,
} from './patterns/membership-change';
import { matchCheckMembership, matchListMembers, matchListUserGroups } from './patterns/membership-query';
import { matchAddOwners, matchListOwners, matchRemoveOwners } from './patterns/ownership';
import { matchListApprovals, matchListRequests, matchRequestAccess } from './patterns/requests';
import { matchPreviewRule, matchSetRule, matchShowRule } from './patterns/rules';
import { matchShowHistory } from './patterns/history';
import { matchShowMyChanges } from './patterns/my-changes';
import { matchMembersAt, matchRestoreMembers, matchUnwatch, matchWatch } from './patterns/membership-history';
import { matchListOwnedGroups } from './patterns/owned-groups';
import { matchRenewGroup, matchShowExpiry } from './patterns/group-expiry';
import { matchParaphrase } from './patterns/paraphrase';
import { matchSmallTalk, matchUndo } from './patterns/small-talk';
import { matchMissingPieces } from './patterns/missing-pieces';
import { matchNameSearch } from './patterns/name-search';
import { matchExportMembers } from './patterns/members-export';
import { matchSetDigest, matchShowHygiene } from './patterns/hygiene';
import { matchHygieneConcepts } from './patterns/hygiene-concepts';
import { indexKeywords } from './patterns/keyword-filter';
import { matchBareInto, matchWordOrder } from './patterns/word-order';
import { matchAccessCheck, matchOffboard } from './patterns/offboarding';
import { matchRemoveByKind } from './patterns/members-by-kind';
import { matchCopyMembership } from './patterns/membership-copy';
import { matchFindGroup, matchGroupProperty } from './patterns/group-questions';

/** The matchers in the order they are tried (most specific first), each with the word prefixes it needs. */
export const MATCHERS = indexKeywords([
  {
    match: matchHelp,
    needs:
      'hi hello hey hiya howdy yo greet good sup what group bot help h who how command list menu option usage get start show tell instruction manual guide about example i',
  },
  {
    match: matchCancel,
    needs:
      'cancel stop never nvm forget abort quit exit no scratch don do not skip halt leave i changed wait hold nope nah',
  },
  {
    match: matchSmallTalk,
    needs:
      'ok k great perfect awesome brilliant excellent nice cool super lovely amazing fantastic wonderful that thank thx ty cheers ta many much appreciate you alright all right sure fine good noted got understood sounds makes will lol haha yes yep yeah yup how what are rock well love very helpful legend bye see later cya ttyl have talk i done sorry so my oops whoops apolog ignore',
  },
  { match: matchUndo, needs: 'undo revert roll reverse take' },
  { match: matchHygieneConcepts, needs: 'group grp anything' },
  {
    match: matchOffboard,
    needs: 'offboard off deprovision remove kick take get drop pull strip clean clear revoke delete',
  },
  {
    match: matchAccessCheck,
    needs: 'does do has have anything can check double verify make confirm is are what any still left remain',
  },
  { match: matchRemoveByKind, needs: 'guest extern outsider ext people disabled deactivated inactive blocked' },
  {
    match: matchCopyMembership,
    needs:
      'same match mirror identical like replacing taking covering copy clone everyone everybody whoever anyone all members people folk crowd staff user give',
  },
  {
    match: matchGroupProperty,
    needs:
      'security mail email mailbox inbox distribution dl dynamic rule team public private hidden visibility role guest deleted recycle kind type sort',
  },
  { match: matchFindGroup, needs: 'group team put' },
  { match: matchRestoreMembers, needs: 'put set bring get turn make restore roll revert reset' },
  { match: matchMembersAt, needs: 'who show list get give members what how was were' },
  { match: matchUnwatch, needs: 'stop unwatch unfollow untrack don no quit cancel' },
  {
    match: matchWatch,
    needs: 'watch follow track monitor keep what which show list watched followed tracked notify alert tell let',
  },
  { match: matchShowMyChanges, needs: 'my what chang edit' },
  { match: matchShowHistory, needs: 'histor audit chang log who what anyone anybody which new any' },
  { match: matchExportMembers, needs: 'export download csv excel spreadsheet dump give send' },
  {
    match: matchSetDigest,
    needs: 'post send put share deliver give dm message stop cancel turn disable pause end no unsubscribe don',
  },
  {
    match: matchShowHygiene,
    needs: 'hygien health clean tidy digest owner group expir orphan abandoned attention need',
  },
  { match: matchNest, needs: 'nest' },
  { match: matchBulk, needs: 'add put include invite enrol remove delete drop kick take' },
  {
    match: matchPreviewRule,
    needs: 'user device check validate verify evaluate simulate dry try run preview who test what which how would',
  },
  { match: matchSetRule, needs: 'set change update make convert apply use rule edit modify replace' },
  {
    match: matchShowRule,
    needs: 'rule what show get display view see tell print give read explain check which how is are query',
  },
  { match: matchShowExpiry, needs: 'expir when what show tell check get is will does can' },
  { match: matchRenewGroup, needs: 'renew keep stop extend' },
  {
    match: matchListLicenses,
    needs:
      'licen sku which what show list get display give see view fetch find enumerate print pull bring tell who check does do how',
  },
  {
    match: matchAssignLicense,
    needs: 'assign add give grant apply attach allocate provision enable licen remove revoke unassign',
  },
  { match: matchRemoveLicense, needs: 'remove revoke unassign un take drop delete strip pull disable' },
  {
    match: matchCreateGroup,
    needs: 'create setup spin build establish provision group team up',
  },
  {
    match: matchMissingPieces,
    needs: 'add put include invite give grant remove kick drop take make set who owner member is are bring get i can',
  },
  {
    match: matchListOwnedGroups,
    needs:
      'own which what show list get display give see view fetch find enumerate print pull bring tell who check manag',
  },
  { match: matchRemoveOwners, needs: 'remove drop delete revoke take unassign demote strip kick make own' },
  {
    match: matchAddOwners,
    needs: 'make set appoint designate promote assign nominate name add put include give grant let allow',
  },
  {
    match: matchListOwners,
    needs: 'who own manag admin',
  },
  { match: matchRequestAccess, needs: 'i we give get grant can could may let join request ask how be become please' },
  {
    match: matchListApprovals,
    needs: 'approv pending open outstanding waiting await review decision sign reject deny declin request',
  },
  { match: matchListRequests, needs: 'request where how cancel withdraw retract status did has have was were what' },
  {
    match: matchWordOrder,
    needs:
      'out run manag own keys member from add put into slot pop sneak squeeze bung chuck able wants remove take delete which who where can could',
  },
  {
    match: matchCheckMembership,
    needs: 'is are am isn aren does do check verify see find confirm tell let why how explain trace show',
  },
  { match: matchRename, needs: 'rename re change update set modify edit call retitle' },
  { match: matchRestore, needs: 'restore undelete un recover bring resurrect revive undo' },
  {
    match: matchRemoveMembers,
    needs:
      'remove delete drop kick throw boot evict exclude take unsubscribe unenrol pull get revoke leave quit exit opt sign i',
  },
  {
    match: matchUpdate,
    needs: 'set change update switch make turn mark convert hide edit modify replace add give put describe',
  },
  {
    match: matchAddMembers,
    needs: 'add put include invite enrol place insert stick bring sign subscribe assign get give grant make',
  },
  {
    match: matchDelete,
    needs: 'delete destroy remove drop trash get archive nuke erase deprovision decommission kill',
  },
  { match: matchRemoveMembersBare, needs: 'remove kick exclude unsubscribe' },
  {
    match: matchListGroups,
    needs:
      'describe look group team show list get display give see view fetch find enumerate print pull bring what which tell who search look how are do any that were have got recycle deleted trash did',
  },
  {
    match: matchListUserGroups,
    needs: 'group team membership member',
  },
  {
    match: matchListMembers,
    needs: 'who member people user person everyone everybody folk anyone anybody what how',
  },
  { match: matchBareInto, needs: 'into onto in' },
  {
    match: matchParaphrase,
    needs:
      'should need must will can could going want wants leaving asked has have does do who what where swap replace switch include contain add remove drop put take i we ought shouldn doesn don no cannot',
  },
  { match: matchNameSearch, needs: 'group team what list show find search get give any all the every' },
  {
    match: matchShowGroup,
    also: /^[{(]?[0-9a-f]{8}-/i,
    needs:
      'describe look tell what show give get display which is do does group team detail info propert summar overview',
  },
  { match: matchHelpFallback, needs: 'help how what can' },
]);
