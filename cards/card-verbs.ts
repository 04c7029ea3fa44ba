/**
 * The card-verb registry: every Action.Execute / Action.Submit a groupbot card emits is one member of CARD_ACTION, a
 * zod discriminated union on `verb`, with the schema of its data (what the button embeds) and of the inputs its card
 * adds (Teams merges input values into the action data). Card builders type their buttons with ButtonData (from
 * here), and every payload coming back goes through parseCardAction (card-action-parse.ts), which checks it against
 * this union. Shape only: the server still re-checks who clicked and what they may do, and looks ids up again
 * (pendingId, batchId, operationId, requestId and journalId are keys to server-side state, never the state itself).
 */
import { z } from 'zod';

/** Limits the schemas enforce (Graph's own limits where longer than the default). */
export const LIMITS = {
  string: 256,
  description: 1024,
  rule: 3072,
  justification: 1000,
  nameList: 2048,
  namesPerList: 100,
  mailNickname: 64,
  cursor: 256,
  durationDays: 365,
  picks: 500,
} as const;

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
  /** Bulk resolution: the pick for row `index` ('' = skip); gathered under `picks` before the check. */
  pick: (index: number): string => `pick_${index}`,
} as const;

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

const GROUP_TYPES = ['security', 'microsoft365'] as const;
export type CreateGroupType = (typeof GROUP_TYPES)[number];
const VISIBILITIES = ['Public', 'Private', 'HiddenMembership'] as const;
export type GroupVisibility = (typeof VISIBILITIES)[number];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OPAQUE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
const CURSOR = /^[A-Za-z0-9._~+/=%!*-]{1,256}$/;
const SLOT = /^[A-Za-z0-9_.[\]-]{1,64}$/;
// Graph: ASCII only, none of @ ( ) \ [ ] " ; : < > , or space.
const MAIL_NICKNAME = /^[!#-'*+\-./0-9=?A-Z^_`a-z{|}~]{1,64}$/;

// ---------------------------------------------------------------------------------------------------------
// Fields. Each message is a predicate; parseCardAction names the field: 'The field "groupId" is not a GUID.'

/** How a client sends an empty input: null, '' or blanks count as absent; other text is trimmed. */
function absentIfBlank(value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

const textOf = (max: number) =>
  z
    .string({ required_error: 'is missing', invalid_type_error: 'must be text' })
    .max(max, `is longer than ${max} characters`);
const guidText = () =>
  textOf(LIMITS.string)
    .regex(GUID, 'is not a GUID')
    .transform((s) => s.toLowerCase());
const idText = () => textOf(128).regex(OPAQUE_ID, 'is not a valid id');
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { errorMap: () => ({ message: `must be one of ${values.join(', ')}` }) });

const required = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(absentIfBlank, schema);
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(absentIfBlank, schema.optional());

const text = (max: number = LIMITS.string) => required(textOf(max));
const optionalText = (max: number = LIMITS.string) => optional(textOf(max));
const guid = () => required(guidText());
const optionalGuid = () => optional(guidText());
const id = () => required(idText());
const optionalId = () => optional(idText());
const slot = () => optional(textOf(64).regex(SLOT, 'is not a valid slot'));
const cursor = () => required(textOf(LIMITS.cursor).regex(CURSOR, 'is not a valid paging cursor'));

/** true/false, or the strings "true"/"false" an Input.Toggle sends. */
const flag = () =>
  z.preprocess(
    (v) => {
      const s = absentIfBlank(v);
      return s === 'true' ? true : s === 'false' ? false : s;
    },
    z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
  );

const DAYS = `must be a whole number from 1 to ${LIMITS.durationDays}`;
/** A whole number of days, or its digits as text. */
const days = () =>
  z.preprocess(
    (v) => {
      const s = absentIfBlank(v);
      return typeof s === 'string' && /^\d{1,6}$/.test(s) ? Number(s) : s;
    },
    z.number({ invalid_type_error: DAYS }).int(DAYS).min(1, DAYS).max(LIMITS.durationDays, DAYS).optional(),
  );

/** Names, addresses or ids as typed, split on commas, semicolons and line breaks. */
const nameList = () =>
  optional(textOf(LIMITS.nameList))
    .transform((s) =>
      (s ?? '')
        .split(/[,;\n\r]+/)
        .map((n) => n.trim())
        .filter((n) => n.length > 0),
    )
    .pipe(
      z
        .array(z.string().max(LIMITS.string, `has a name longer than ${LIMITS.string} characters`))
        .max(LIMITS.namesPerList, `lists more than ${LIMITS.namesPerList} names`),
    );

/** The bulk card's picks, `{ [index]: objectId | '' }`: the chosen ones, sorted by row index. */
const picks = () =>
  z
    .record(z.string().regex(/^\d{1,4}$/, 'is not a row number'), optional(guidText()))
    .refine((r) => Object.keys(r).length <= LIMITS.picks, `holds more than ${LIMITS.picks} picks`)
    .optional()
    .transform((r) =>
      Object.entries(r ?? {})
        .flatMap(([index, objectId]) => (objectId === undefined ? [] : [{ index: Number(index), objectId }]))
        .sort((a, b) => a.index - b.index),
    );

/** The inputs of the create-group form (cards/group-create-form-card.ts); `name` says whether a name is needed. */
const createForm = <N extends z.ZodTypeAny>(name: N) => ({
  groupType: z.preprocess(absentIfBlank, oneOf(GROUP_TYPES).default('security')),
  displayName: name,
  mailNickname: optional(
    textOf(LIMITS.mailNickname).regex(
      MAIL_NICKNAME,
      'is not a valid mail nickname (letters, digits and - . _ only; no spaces)',
    ),
  ),
  description: optionalText(LIMITS.description),
  visibility: optional(oneOf(VISIBILITIES)),
  owners: nameList(),
  members: nameList(),
  /** Dynamic membership rule (the group becomes dynamic). */
  rule: optionalText(LIMITS.rule),
});

const verb = <V extends string>(name: V) => z.literal(name);

// ---------------------------------------------------------------------------------------------------------
// Inputs sent along. Teams and the Agents Playground send every input of a card with each of its Action.Execute
// buttons, even one marked associatedInputs 'none'. A verb whose card has inputs it does not use lists them here:
// they are still checked (text, within the input's own limit) and then dropped, so they never reach the parsed
// action. Any other field stays refused.

/**
 * An input only sent along: any text within the input's own limit (not its format: the user may press Cancel on a
 * half-filled form), checked, then dropped.
 */
const sentText = (max: number) => () => optional(textOf(max)).transform((): undefined => undefined);
/** The bulk card's pick_N inputs sent along (gathered under `picks`): checked as picks, then dropped. */
const sentPicks = () => picks().transform((): undefined => undefined);

/**
 * The inputs of each card that has any, by the key their value arrives under (INPUT_IDS; the bulk card's pick_N
 * inputs arrive gathered under `picks`), with the check each gets when it is only sent along.
 */
export const CARD_INPUTS = {
  groupCreateForm: {
    groupType: sentText(LIMITS.string),
    displayName: sentText(LIMITS.string),
    mailNickname: sentText(LIMITS.mailNickname),
    description: sentText(LIMITS.description),
    visibility: sentText(LIMITS.string),
    owners: sentText(LIMITS.nameList),
    members: sentText(LIMITS.nameList),
    rule: sentText(LIMITS.rule),
  },
  accessRequest: { justification: sentText(LIMITS.justification) },
  approval: { reason: sentText(LIMITS.string) },
  bulkResolution: { picks: sentPicks },
} as const;

type CardInputs = typeof CARD_INPUTS;
type CardInputKey = { [C in keyof CardInputs]: keyof CardInputs[C] }[keyof CardInputs];
const ALL_INPUTS: Record<CardInputKey, () => z.ZodTypeAny> = Object.assign({}, ...Object.values(CARD_INPUTS));

const inputsOf = <C extends keyof CardInputs>(card: C) => Object.keys(CARD_INPUTS[card]) as (keyof CardInputs[C])[];

/**
 * Per verb, the inputs of the cards carrying its button that the verb does not use (see above): checked, then
 * dropped. Cancel sits on the create form, the access request and the bulk table; Approve and the refresh of a
 * request card on the approval card, whose reason belongs to Deny.
 */
export const SENT_ALONG = {
  cancel: [...inputsOf('groupCreateForm'), ...inputsOf('accessRequest'), ...inputsOf('bulkResolution')],
  approvalApprove: inputsOf('approval'),
  requestRefresh: inputsOf('approval'),
} as const satisfies Record<string, readonly CardInputKey[]>;
export type SentAlongVerb = keyof typeof SENT_ALONG;
type SentAlongKey<V extends SentAlongVerb> = (typeof SENT_ALONG)[V][number];

/** The schema fields of a verb's inputs sent along (each comes out undefined). */
function sentAlong<V extends SentAlongVerb>(
  verbName: V,
): { [K in SentAlongKey<V>]: z.ZodType<undefined, z.ZodTypeDef, unknown> } {
  const keys: readonly CardInputKey[] = SENT_ALONG[verbName];
  return Object.fromEntries(keys.map((key) => [key, ALL_INPUTS[key]()])) as {
    [K in SentAlongKey<V>]: z.ZodType<undefined, z.ZodTypeDef, unknown>;
  };
}

// ---------------------------------------------------------------------------------------------------------
// What each button embeds (its data). The five verbs whose cards have inputs add those below.

const requestSubmitData = {
  verb: verb('requestSubmit'),
  groupId: guid(),
  durationDays: days(),
  /** The card's owner (a pending operation on the server); absent on cards made before cards had one. */
  pendingId: optionalId(),
};
const approvalDenyData = { verb: verb('approvalDeny'), requestId: id() };
const bulkAddData = { verb: verb('bulkAdd'), batchId: id() };
const groupCreateData = { verb: verb('groupCreate'), pendingId: optionalId() };
const groupCreatePreviewData = { verb: verb('groupCreatePreview'), pendingId: optionalId() };

const member = <S extends z.ZodRawShape>(shape: S) => z.object(shape).strict();
const groupVerb = <V extends string>(name: V) => member({ verb: verb(name), groupId: guid() });
const requestVerb = <V extends string>(name: V) => member({ verb: verb(name), requestId: id() });

/**
 * Every card verb with the schema of what its button sends. Unknown fields are refused (`strict`), and so are
 * missing or wrong-typed ones and over-long text; the inputs a verb's cards send along unused (SENT_ALONG) are
 * checked and come out undefined.
 */
export const CARD_ACTION = z
  .discriminatedUnion('verb', [
    /** Send this text as if the user typed it (welcome examples); posted as msteams imBack too. */
    member({
      verb: verb('sendText'),
      text: text(),
      /** What Teams posts instead (sendTextButton); not passed on. */
      msteams: z
        .object({ type: z.literal('imBack'), value: textOf(LIMITS.string) })
        .strict()
        .optional()
        .transform(() => undefined),
    }),
    /** Pick a candidate for an ambiguous or unknown name in the pending operation. */
    member({ verb: verb('choose'), pendingId: id(), objectId: guid(), slot: slot() }),
    member({ verb: verb('chooseNone'), pendingId: id(), slot: slot() }),
    /** First page of a list (buttons on a group's card): members/owners of a group, groups of a user. */
    member({ verb: verb('listShow'), list: oneOf(LIST_KINDS), subjectId: guid(), transitive: flag() }),
    /** Next page. `cursor` is an opaque key the bot issued (never a URL; it cannot contain ':'). */
    member({
      verb: verb('listMore'),
      list: oneOf(LIST_KINDS),
      cursor: cursor(),
      subjectId: optionalGuid(),
      transitive: flag(),
    }),
    member({ verb: verb('confirm'), pendingId: id() }),
    /** Cancel, on many cards; the inputs of the ones with inputs come along (SENT_ALONG). */
    member({ verb: verb('cancel'), pendingId: optionalId(), ...sentAlong('cancel') }),
    member({ verb: verb('retryFailed'), operationId: id() }),
    /** Add the resolved rows of a bulk batch, plus the picks made for ambiguous rows (inputs pick_N). */
    member({ ...bulkAddData, picks: picks() }),
    groupVerb('groupDelete'),
    groupVerb('groupRestore'),
    /** Show one group (its card), e.g. the existing group a new one would share its name with. */
    groupVerb('groupShow'),
    member({ ...groupCreateData, ...createForm(text()) }),
    member({ ...groupCreatePreviewData, ...createForm(optionalText()) }),
    groupVerb('ruleShow'),
    groupVerb('rulePreview'),
    /** Open the justification card for a request to join the group. */
    groupVerb('requestStart'),
    member({ ...requestSubmitData, justification: text(LIMITS.justification) }),
    requestVerb('requestCancel'),
    /** Approve from the approval card; the card's deny reason comes along (SENT_ALONG) and is dropped. */
    member({ verb: verb('approvalApprove'), requestId: id(), ...sentAlong('approvalApprove') }),
    member({ ...approvalDenyData, reason: optionalText() }),
    /** Show the full approval card for a request (from the pending-approvals list). */
    requestVerb('approvalOpen'),
    member({ verb: verb('undo'), journalId: id() }),
    /**
     * Universal Actions refresh of a request card: the card as this viewer should see it now. The approval card's
     * reason may come along (SENT_ALONG) and is dropped.
     */
    member({ verb: verb('requestRefresh'), requestId: id(), ...sentAlong('requestRefresh') }),
    /** A digest line's button: the server re-reads the group and asks for confirmation (userId: owner or member). */
    member({ verb: verb('hygieneFix'), fix: oneOf(HYGIENE_FIXES), groupId: guid(), userId: optionalGuid() }),
  ])
  .superRefine((action, ctx) => {
    if (action.verb !== 'hygieneFix') return;
    if (action.fix === 'renew' && action.userId !== undefined)
      ctx.addIssue({ code: z.ZodIssueCode.unrecognized_keys, keys: ['userId'], path: [] });
    if (action.fix !== 'renew' && action.userId === undefined)
      ctx.addIssue({ code: z.ZodIssueCode.invalid_type, expected: 'string', received: 'undefined', path: ['userId'] });
  });

/** A member of the union without the inputs its verb only gets sent along (parseCardAction drops them). */
type WithoutSentAlong<A> = A extends { verb: infer V }
  ? V extends SentAlongVerb
    ? Omit<A, SentAlongKey<V>>
    : A
  : never;

/** A validated action from a card, with the inputs it uses folded in. */
export type CardAction = WithoutSentAlong<z.output<typeof CARD_ACTION>>;
export type CardVerb = CardAction['verb'];
/** The action of one verb. */
export type CardActionOf<V extends CardVerb> = Extract<CardAction, { verb: V }>;

/** Every verb a card can send, in the union's order. */
export const CARD_VERBS: readonly CardVerb[] = CARD_ACTION.innerType().options.map((o) => o.shape.verb.value);

/** True when `value` is one of CARD_VERBS. */
export function isCardVerb(value: unknown): value is CardVerb {
  return typeof value === 'string' && (CARD_VERBS as readonly string[]).includes(value);
}

type DataOf<S extends z.ZodRawShape> = z.output<z.ZodObject<S>>;

/** What a button embeds for each verb: the action without the fields its card's inputs add. */
export type VerbData =
  | Exclude<CardAction, { verb: 'bulkAdd' | 'groupCreate' | 'groupCreatePreview' | 'requestSubmit' | 'approvalDeny' }>
  | DataOf<typeof bulkAddData>
  | DataOf<typeof groupCreateData>
  | DataOf<typeof groupCreatePreviewData>
  | DataOf<typeof requestSubmitData>
  | DataOf<typeof approvalDenyData>;
