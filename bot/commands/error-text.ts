import { DomainError, mapGraphError } from '../directory/errors';

/** What the failed call was about, so the sentence can name it. All optional. */
export interface ErrorSubject {
  /** What the user tried, as a verb phrase after "You can't": "add members to", "delete", "rename". */
  action?: string;
  /** The group concerned (display name). */
  groupName?: string;
  /** The group's dynamic membership rule, for "its members come from its rule". */
  rule?: string | null;
  /** Read-only kind, when known: for the Exchange sentence. */
  readOnlyKind?: 'mailEnabledSecurity' | 'distribution';
  /** The person or thing that was not found. */
  objectName?: string;
  /** The action concerns the whole directory (no group, so no owners to ask), e.g. "list all groups". */
  directoryWide?: boolean;
  /** false: a 403 is only stated, without offering to ask the owners (a record of the past, such as the journal). */
  offerOwners?: false;
}

function quoted(name: string | undefined, fallback: string): string {
  return name ? `'${name}'` : fallback;
}

/** An object id, as Graph's messages quote them. */
const GUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
/** Wording of Graph's error bodies that means nothing to a person (codes, "Resource '…' does not exist…"). */
const GRAPH_JARGON = [/Resource '/, /queried reference-property/, /\bRequest_\w+/, /ErrorCode/, /\w+_\w+Denied/];

/** True when `text` is fit for a person: no object ids and none of Graph's codes or internal wording. Never throws. */
export function isPlainText(text: string): boolean {
  return !GUID.test(text) && !GRAPH_JARGON.some((j) => j.test(text));
}

/** Graph's reason without its trailing period, for embedding in a sentence; undefined when it is not plain words. */
function graphReason(err: DomainError): string | undefined {
  const m = (err.graph?.message ?? err.message).trim().replace(/\.$/, '');
  return m && isPlainText(m) ? m : undefined;
}

/**
 * The one place that turns a DomainError (or anything thrown) into a sentence for the user. Never throws and
 * never reveals a stack trace; unexpected errors get a generic sentence.
 */
export function errorText(err: unknown, about: ErrorSubject = {}): string {
  if (!(err instanceof DomainError)) {
    return 'Something went wrong on my side while doing that. Nothing else was changed; please try again.';
  }
  const group = quoted(about.groupName, 'this group');
  switch (err.kind) {
    case 'readOnlyGroup': {
      const what =
        about.readOnlyKind === 'distribution'
          ? 'a distribution list'
          : about.readOnlyKind === 'mailEnabledSecurity'
            ? 'a mail-enabled security group'
            : 'a mail-enabled security group or distribution list';
      return `${capital(group)} is ${what}; it can only be changed in Exchange (the Exchange admin center or Exchange PowerShell), not through Microsoft Graph.`;
    }
    case 'dynamicGroup':
      return about.rule
        ? `${capital(group)} has dynamic membership: its members come from its rule: ${about.rule}. Change the rule, or the people's properties, instead.`
        : `${capital(group)} has dynamic membership: its members come from its rule, so they can't be added or removed by hand.`;
    case 'lastOwner':
      return `${capital(group)} must keep at least one owner, so its last owner can't be removed. Add another owner first.`;
    case 'forbidden':
      if (about.directoryWide)
        return `Your account can't ${about.action ?? 'do that'} in this directory (guest accounts, for example, can't). Ask me about a group by its name instead.`;
      if (about.offerOwners === false)
        return `You don't have the rights to ${about.action ?? 'change'} ${group}, so Microsoft Graph refused.`;
      return `You can't ${about.action ?? 'change'} ${group}. Shall I ask its owners?`;
    case 'throttled':
      return 'Microsoft Graph is throttling requests right now; I retried, but it still refused. Please try again in a minute.';
    case 'unavailable':
      return 'Microsoft Graph is not answering right now. Please try again in a moment.';
    case 'notFound':
      return about.objectName
        ? `I couldn't find ${quoted(about.objectName, '')}; it may have been deleted or renamed.`
        : `I couldn't find ${group}; it may have been deleted or renamed.`;
    case 'notPresent':
      return `${about.objectName ? `'${about.objectName}'` : 'That person'} is not in ${group}.`;
    case 'alreadyPresent':
      return `${about.objectName ? `'${about.objectName}'` : 'That person'} is already in ${group}.`;
    case 'invalid': {
      const why = graphReason(err);
      return why ? `Microsoft Graph refused that: ${why}.` : 'Microsoft Graph refused that request as not valid.';
    }
    case 'conflict':
      return `Another group already uses that mail nickname. Please choose a different one.`;
    case 'unauthenticated':
      return 'Your sign-in has expired or is not valid. Please sign in again, then repeat your request.';
    case 'unexpected':
    default: {
      const why = graphReason(err);
      return `Microsoft Graph returned an unexpected error${err.graph?.status ? ` (HTTP ${err.graph.status})` : ''}${why ? `: ${why}` : ''}.`;
    }
  }
}

/**
 * A reason stored earlier (a journal entry's detail) in plain words: kept when it already is, otherwise (a raw
 * Graph message, from rows written before reasons were sentences) rebuilt from the HTTP status through errorText.
 * Never throws.
 */
export function plainReason(stored: string, status: number | null, about: ErrorSubject = {}): string {
  if (isPlainText(stored)) return stored;
  if (status === null) return 'Microsoft Graph refused the change.';
  return errorText(mapGraphError({ statusCode: status, message: stored }), about);
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A hygiene scan that failed: a refusal (guests cannot list groups) or errorText's sentence. Never throws. */
export function hygieneErrorText(err: unknown): string {
  if (!isForbidden(err)) return errorText(err);
  return "You don't have permission to read the groups a hygiene check needs (guest accounts can't list groups).";
}

/** True when the error means the user lacks the rights (a 403): the reply should offer to ask the owners. */
export function isForbidden(err: unknown): boolean {
  return err instanceof DomainError && err.kind === 'forbidden';
}
