/**
 * The single catalogue of card actions: every Action.Execute / Action.Submit a groupbot card emits carries
 * `{ verb, ...fields }` from this file, and every payload coming back from a client goes through
 * parseCardAction before the bot looks at it. Shape validation only: the server still re-checks who clicked
 * and what they may do, and looks ids up again (pendingId, batchId, operationId, requestId and journalId are
 * keys to server-side state, never the state itself).
 */
import type { ActionExecute, ActionSubmit } from './card-types';
import { plainTitle } from './elements';

/** Every verb a card can send, in one place. */
export const CARD_VERBS = [
  'sendText',
  'choose',
  'chooseNone',
  'listShow',
  'listMore',
  'confirm',
  'cancel',
  'retryFailed',
  'bulkAdd',
  'groupDelete',
  'groupRestore',
  'groupCreate',
  'groupCreatePreview',
  'ruleShow',
  'rulePreview',
  'requestStart',
  'requestSubmit',
  'requestCancel',
  'approvalApprove',
  'approvalDeny',
  'approvalOpen',
  'undo',
  'requestRefresh',
  'hygieneFix',
  'groupShow',
] as const;
export type CardVerb = (typeof CARD_VERBS)[number];

/** What a hygiene digest button fixes (make a member owner, renew, remove a disabled member). */
export const HYGIENE_FIXES = ['makeOwner', 'renew', 'removeMember'] as const;
export type HygieneFixKind = (typeof HYGIENE_FIXES)[number];

/** Which list a listShow / listMore button pages through. */
export const LIST_KINDS = [
  'groups',
  'deletedGroups',
  'members',
  'owners',
  'userGroups',
  'myRequests',
  'pendingApprovals',
  'journal',
] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export type CreateGroupType = 'security' | 'microsoft365';
export type GroupVisibility = 'Public' | 'Private' | 'HiddenMembership';

/** Ids of the inputs cards use; Teams merges input values into the action data under these keys. */
export const INPUT_IDS = {
  justification: 'justification',
  reason: 'reason',
  groupType: 'groupType',
  displayName: 'displayName',
  mailNickname: 'mailNickname',
  description: 'description',
  visibility: 'visibility',
  owners: 'owners',
  members: 'members',
  rule: 'rule',
  /** Bulk resolution: the pick for row `index` ('' = skip). */
  pick: (index: number): string => `pick_${index}`,
} as const;

/** Limits the parser enforces (Graph's own limits where longer than the default). */
export const LIMITS = {
  string: 256,
  description: 1024,
  rule: 3072,
  nameList: 2048,
  namesPerList: 100,
  mailNickname: 64,
  cursor: 256,
  durationDays: 365,
  picks: 500,
} as const;

/** What a group-create form sends (inputs, after parsing). */
export interface GroupCreateForm {
  groupType: CreateGroupType;
  displayName?: string;
  mailNickname?: string;
  description?: string;
  visibility?: GroupVisibility;
  /** Names, addresses or ids as typed, split on commas, semicolons and line breaks. */
  owners: string[];
  members: string[];
  /** Dynamic membership rule (the group becomes dynamic). */
  rule?: string;
}

/** A validated action from a card, with input values folded in. */
export type CardAction =
  /** Send this text as if the user typed it (welcome examples). Posted as imBack too, see sendTextButton. */
  | { verb: 'sendText'; text: string }
  /** Pick a candidate for an ambiguous or unknown name in the pending operation. */
  | { verb: 'choose'; pendingId: string; objectId: string; slot?: string }
  | { verb: 'chooseNone'; pendingId: string; slot?: string }
  /** First page of a list (buttons on a group's card): members/owners of a group, groups of a user. */
  | { verb: 'listShow'; list: ListKind; subjectId: string; transitive?: boolean }
  /** Next page. `cursor` is an opaque key the bot issued (never a URL; it cannot contain ':'). */
  | { verb: 'listMore'; list: ListKind; cursor: string; subjectId?: string; transitive?: boolean }
  | { verb: 'confirm'; pendingId: string }
  | { verb: 'cancel'; pendingId?: string }
  | { verb: 'retryFailed'; operationId: string }
  /** Add the resolved rows of a bulk batch, plus the picks made for ambiguous rows. */
  | { verb: 'bulkAdd'; batchId: string; picks: { index: number; objectId: string }[] }
  | { verb: 'groupDelete'; groupId: string }
  | { verb: 'groupRestore'; groupId: string }
  | { verb: 'groupCreate'; pendingId?: string; form: GroupCreateForm & { displayName: string } }
  | { verb: 'groupCreatePreview'; pendingId?: string; form: GroupCreateForm }
  | { verb: 'ruleShow'; groupId: string }
  | { verb: 'rulePreview'; groupId: string }
  /** Open the justification card for a request to join the group. */
  | { verb: 'requestStart'; groupId: string }
  /** pendingId: the card's owner (a pending operation on the server); absent on cards made before cards had one. */
  | { verb: 'requestSubmit'; groupId: string; justification: string; durationDays?: number; pendingId?: string }
  | { verb: 'requestCancel'; requestId: string }
  | { verb: 'approvalApprove'; requestId: string }
  | { verb: 'approvalDeny'; requestId: string; reason?: string }
  /** Show the full approval card for a request (from the pending-approvals list). */
  | { verb: 'approvalOpen'; requestId: string }
  | { verb: 'undo'; journalId: string }
  /** Universal Actions refresh of a request card: the card as this viewer should see it now. */
  | { verb: 'requestRefresh'; requestId: string }
  /** A digest line's button: the server re-reads the group and asks for confirmation (userId: owner or member). */
  | { verb: 'hygieneFix'; fix: HygieneFixKind; groupId: string; userId?: string }
  /** Show one group (its card), e.g. the existing group a new one would share its name with. */
  | { verb: 'groupShow'; groupId: string };

/** The part of an action that a card embeds in its button; the rest comes from the card's inputs. */
export type CardActionData =
  | Exclude<CardAction, { verb: 'bulkAdd' | 'groupCreate' | 'groupCreatePreview' | 'requestSubmit' | 'approvalDeny' }>
  | { verb: 'bulkAdd'; batchId: string }
  | { verb: 'groupCreate' | 'groupCreatePreview'; pendingId?: string }
  | { verb: 'requestSubmit'; groupId: string; durationDays?: number; pendingId?: string }
  | { verb: 'approvalDeny'; requestId: string };

export type ButtonStyle = 'default' | 'positive' | 'destructive';

interface ButtonOptions {
  style?: ButtonStyle;
  ignoreInputs?: boolean;
}

function dataOf(data: CardActionData): ActionExecute['data'] {
  const out: ActionExecute['data'] = { verb: data.verb };
  for (const [k, v] of Object.entries(data)) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * An Action.Execute button (Universal Actions): the bot learns who clicked, and can replace the card in
 * its invoke response. Use it for every button whose handler needs the clicker's identity.
 */
export function executeButton(title: string, data: CardActionData, opts: ButtonOptions = {}): ActionExecute {
  const b: ActionExecute = {
    type: 'Action.Execute',
    title: plainTitle(title, 80),
    verb: data.verb,
    data: dataOf(data),
  };
  if (opts.style && opts.style !== 'default') b.style = opts.style;
  if (opts.ignoreInputs) b.associatedInputs = 'none';
  return b;
}

/** An Action.Submit button (a message with `value` reaches the bot). */
export function submitButton(title: string, data: CardActionData, opts: ButtonOptions = {}): ActionSubmit {
  const b: ActionSubmit = { type: 'Action.Submit', title: plainTitle(title, 80), data: dataOf(data) };
  if (opts.style && opts.style !== 'default') b.style = opts.style;
  if (opts.ignoreInputs) b.associatedInputs = 'none';
  return b;
}

/**
 * A button that sends `text` as if typed. Teams posts it as the user's message (msteams imBack); a client
 * that ignores `msteams` sends the data instead, which parses as `{verb:'sendText', text}`.
 */
export function sendTextButton(title: string, text: string): ActionSubmit {
  const value = plainTitle(text, LIMITS.string);
  return {
    type: 'Action.Submit',
    title: plainTitle(title, 80),
    data: { verb: 'sendText', text: value, msteams: { type: 'imBack', value } },
    associatedInputs: 'none',
  };
}

// ---------------------------------------------------------------------------------------------------------
// Parsing what comes back

export type ParsedCardAction = { ok: true; action: CardAction } | { ok: false; error: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OPAQUE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
const CURSOR = /^[A-Za-z0-9._~+/=%!*-]{1,256}$/;
const SLOT = /^[A-Za-z0-9_.[\]-]{1,64}$/;
// Graph: ASCII only, none of @ ( ) \ [ ] " ; : < > , or space.
const MAIL_NICKNAME = /^[!#-'*+\-./0-9=?A-Z^_`a-z{|}~]{1,64}$/;
const PICK_KEY = /^pick_(\d{1,4})$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 6;
const MAX_KEYS = 1200;

class ShapeError extends Error {}

type Obj = Record<string, unknown>;

function isPlainObject(v: unknown): v is Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Rejects prototype-pollution keys at any depth, and payloads too deep or too large. */
function checkStructure(v: unknown, depth: number, budget: { keys: number }): void {
  if (v === null || typeof v !== 'object') return;
  if (depth > MAX_DEPTH) throw new ShapeError('The card action is nested too deeply.');
  for (const key of Object.keys(v)) {
    if (FORBIDDEN_KEYS.has(key)) throw new ShapeError(`The card action contains a forbidden key "${key}".`);
    budget.keys += 1;
    if (budget.keys > MAX_KEYS) throw new ShapeError('The card action is too large.');
    checkStructure((v as Obj)[key], depth + 1, budget);
  }
}

interface StrOpts {
  max?: number;
  pattern?: RegExp;
  what?: string;
}

/** Typed reads of own fields; each throws ShapeError with a sentence naming the field. */
class Fields {
  constructor(private readonly src: Obj) {}

  private raw(key: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.src, key) ? this.src[key] : undefined;
  }

  optStr(key: string, opts: StrOpts = {}): string | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw new ShapeError(`The field "${key}" must be text.`);
    const s = v.trim();
    if (s === '') return undefined;
    const max = opts.max ?? LIMITS.string;
    if (s.length > max) throw new ShapeError(`The field "${key}" is longer than ${max} characters.`);
    if (opts.pattern && !opts.pattern.test(s))
      throw new ShapeError(`The field "${key}" is not ${opts.what ?? 'valid'}.`);
    return s;
  }

  str(key: string, opts: StrOpts = {}): string {
    const s = this.optStr(key, opts);
    if (s === undefined) throw new ShapeError(`The field "${key}" is missing.`);
    return s;
  }

  guid(key: string): string {
    return this.str(key, { pattern: GUID, what: 'a GUID' }).toLowerCase();
  }
  id(key: string): string {
    return this.str(key, { max: 128, pattern: OPAQUE_ID, what: 'a valid id' });
  }
  optId(key: string): string | undefined {
    return this.optStr(key, { max: 128, pattern: OPAQUE_ID, what: 'a valid id' });
  }
  optSlot(key: string): string | undefined {
    return this.optStr(key, { max: 64, pattern: SLOT, what: 'a valid slot' });
  }

  optEnum<T extends string>(key: string, values: readonly T[]): T | undefined {
    const s = this.optStr(key, { max: 64 });
    if (s === undefined) return undefined;
    if (!(values as readonly string[]).includes(s))
      throw new ShapeError(`The field "${key}" must be one of ${values.join(', ')}.`);
    return s as T;
  }

  enum<T extends string>(key: string, values: readonly T[]): T {
    const v = this.optEnum(key, values);
    if (v === undefined) throw new ShapeError(`The field "${key}" is missing.`);
    return v;
  }

  optBool(key: string): boolean | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'boolean') return v;
    if (v === 'true') return true;
    if (v === 'false') return false;
    throw new ShapeError(`The field "${key}" must be true or false.`);
  }

  optInt(key: string, min: number, max: number): number | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null || v === '') return undefined;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,6}$/.test(v.trim()) ? Number(v.trim()) : NaN;
    if (!Number.isInteger(n) || n < min || n > max)
      throw new ShapeError(`The field "${key}" must be a whole number from ${min} to ${max}.`);
    return n;
  }

  nameList(key: string): string[] {
    const s = this.optStr(key, { max: LIMITS.nameList });
    if (s === undefined) return [];
    const names = s
      .split(/[,;\n\r]+/)
      .map((n) => n.trim())
      .filter((n) => n.length > 0);
    if (names.length > LIMITS.namesPerList)
      throw new ShapeError(`The field "${key}" lists more than ${LIMITS.namesPerList} names.`);
    for (const n of names)
      if (n.length > LIMITS.string)
        throw new ShapeError(`A name in "${key}" is longer than ${LIMITS.string} characters.`);
    return names;
  }

  picks(): { index: number; objectId: string }[] {
    const out: { index: number; objectId: string }[] = [];
    for (const key of Object.keys(this.src)) {
      const m = PICK_KEY.exec(key);
      if (!m) continue;
      const v = this.optStr(key, { pattern: GUID, what: 'a GUID' });
      if (v !== undefined) out.push({ index: Number(m[1]), objectId: v.toLowerCase() });
      if (out.length > LIMITS.picks) throw new ShapeError('Too many picks in one card.');
    }
    return out.sort((a, b) => a.index - b.index);
  }

  createForm(): GroupCreateForm {
    const form: GroupCreateForm = {
      groupType: this.optEnum(INPUT_IDS.groupType, ['security', 'microsoft365'] as const) ?? 'security',
      owners: this.nameList(INPUT_IDS.owners),
      members: this.nameList(INPUT_IDS.members),
    };
    const displayName = this.optStr(INPUT_IDS.displayName);
    const mailNickname = this.optStr(INPUT_IDS.mailNickname, {
      max: LIMITS.mailNickname,
      pattern: MAIL_NICKNAME,
      what: 'a valid mail nickname (letters, digits and - . _ only; no spaces)',
    });
    const description = this.optStr(INPUT_IDS.description, { max: LIMITS.description });
    const visibility = this.optEnum(INPUT_IDS.visibility, ['Public', 'Private', 'HiddenMembership'] as const);
    const rule = this.optStr(INPUT_IDS.rule, { max: LIMITS.rule });
    if (displayName !== undefined) form.displayName = displayName;
    if (mailNickname !== undefined) form.mailNickname = mailNickname;
    if (description !== undefined) form.description = description;
    if (visibility !== undefined) form.visibility = visibility;
    if (rule !== undefined) form.rule = rule;
    return form;
  }
}

/** Drops keys whose value is undefined, so optional fields are absent rather than undefined. */
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

type Parser = (f: Fields) => CardAction;

const PARSERS: Record<CardVerb, Parser> = {
  sendText: (f) => ({ verb: 'sendText', text: f.str('text') }),
  choose: (f) =>
    compact({ verb: 'choose', pendingId: f.id('pendingId'), objectId: f.guid('objectId'), slot: f.optSlot('slot') }),
  chooseNone: (f) => compact({ verb: 'chooseNone', pendingId: f.id('pendingId'), slot: f.optSlot('slot') }),
  listShow: (f) =>
    compact({
      verb: 'listShow',
      list: f.enum('list', LIST_KINDS),
      subjectId: f.guid('subjectId'),
      transitive: f.optBool('transitive'),
    }),
  listMore: (f) => {
    const subject = f.optStr('subjectId', { pattern: GUID, what: 'a GUID' });
    return compact({
      verb: 'listMore',
      list: f.enum('list', LIST_KINDS),
      cursor: f.str('cursor', { max: LIMITS.cursor, pattern: CURSOR, what: 'a valid paging cursor' }),
      subjectId: subject?.toLowerCase(),
      transitive: f.optBool('transitive'),
    });
  },
  confirm: (f) => ({ verb: 'confirm', pendingId: f.id('pendingId') }),
  cancel: (f) => compact({ verb: 'cancel', pendingId: f.optId('pendingId') }),
  retryFailed: (f) => ({ verb: 'retryFailed', operationId: f.id('operationId') }),
  bulkAdd: (f) => ({ verb: 'bulkAdd', batchId: f.id('batchId'), picks: f.picks() }),
  groupDelete: (f) => ({ verb: 'groupDelete', groupId: f.guid('groupId') }),
  groupRestore: (f) => ({ verb: 'groupRestore', groupId: f.guid('groupId') }),
  groupShow: (f) => ({ verb: 'groupShow', groupId: f.guid('groupId') }),
  groupCreate: (f) => {
    const pendingId = f.optId('pendingId');
    const form = f.createForm();
    if (form.displayName === undefined) throw new ShapeError('The group name is missing.');
    return compact({ verb: 'groupCreate', pendingId, form: { ...form, displayName: form.displayName } });
  },
  groupCreatePreview: (f) =>
    compact({ verb: 'groupCreatePreview', pendingId: f.optId('pendingId'), form: f.createForm() }),
  ruleShow: (f) => ({ verb: 'ruleShow', groupId: f.guid('groupId') }),
  rulePreview: (f) => ({ verb: 'rulePreview', groupId: f.guid('groupId') }),
  requestStart: (f) => ({ verb: 'requestStart', groupId: f.guid('groupId') }),
  requestSubmit: (f) =>
    compact({
      verb: 'requestSubmit',
      groupId: f.guid('groupId'),
      justification: f.str(INPUT_IDS.justification, { max: 1000 }),
      durationDays: f.optInt('durationDays', 1, LIMITS.durationDays),
      pendingId: f.optId('pendingId'),
    }),
  requestCancel: (f) => ({ verb: 'requestCancel', requestId: f.id('requestId') }),
  approvalApprove: (f) => ({ verb: 'approvalApprove', requestId: f.id('requestId') }),
  approvalDeny: (f) =>
    compact({ verb: 'approvalDeny', requestId: f.id('requestId'), reason: f.optStr(INPUT_IDS.reason) }),
  approvalOpen: (f) => ({ verb: 'approvalOpen', requestId: f.id('requestId') }),
  undo: (f) => ({ verb: 'undo', journalId: f.id('journalId') }),
  requestRefresh: (f) => ({ verb: 'requestRefresh', requestId: f.id('requestId') }),
  hygieneFix: (f) => {
    const fix = f.enum('fix', HYGIENE_FIXES);
    const userId = f.optStr('userId', { pattern: GUID, what: 'a GUID' })?.toLowerCase();
    if (fix !== 'renew' && userId === undefined) throw new ShapeError('The field "userId" is missing.');
    const groupId = f.guid('groupId');
    return compact({ verb: 'hygieneFix', fix, groupId, userId: fix === 'renew' ? undefined : userId });
  },
};

/** True when `verb` is one of CARD_VERBS. */
export function isCardVerb(verb: unknown): verb is CardVerb {
  return typeof verb === 'string' && Object.prototype.hasOwnProperty.call(PARSERS, verb);
}

/**
 * Re-validates a payload coming back from a client. Accepts the action data (an Action.Submit `value`, or
 * Action.Execute `action.data`) or a whole `adaptiveCard/action` invoke value (`{action:{type, verb, data}}`).
 * Checks: plain object, no `__proto__`/`constructor`/`prototype` keys at any depth, bounded size, a known
 * verb, each field's type, GUIDs, ids, enumerations and string lengths (256 unless Graph allows more:
 * description 1,024, rule 3,072, justification 1,000). Unknown fields are dropped, never passed on.
 * Bad input never throws: it comes back as `{ok:false, error}` with a sentence fit for the user (only a
 * bug in this module could throw).
 */
export function parseCardAction(value: unknown): ParsedCardAction {
  try {
    if (!isPlainObject(value)) throw new ShapeError('The card action is not an object.');
    checkStructure(value, 0, { keys: 0 });
    let data: Obj = value;
    const wrapper = value['action'];
    if (isPlainObject(wrapper) && wrapper['type'] === 'Action.Execute') {
      const inner = wrapper['data'] ?? {};
      if (!isPlainObject(inner)) throw new ShapeError('The card action data is not an object.');
      const verb = wrapper['verb'];
      if (inner['verb'] !== undefined && inner['verb'] !== verb)
        throw new ShapeError('The card action verb does not match its data.');
      data = { ...inner, verb };
    }
    const verb = data['verb'];
    if (typeof verb !== 'string') throw new ShapeError('The card action has no verb.');
    if (!isCardVerb(verb)) throw new ShapeError(`Unknown card action "${plainTitle(verb, 40)}".`);
    return { ok: true, action: PARSERS[verb](new Fields(data)) };
  } catch (err) {
    if (err instanceof ShapeError) return { ok: false, error: err.message };
    throw err;
  }
}
