/**
 * The emulator's local sign-in page for browsers (`GET|POST /_layouts/signin`): GET shows the tenant's users to
 * pick from and a UPN field; POST (a form: `upn`, `return`) opens a browser session for that user, sets the
 * session cookie and redirects (303) back to the link it came from. No password: this is a local emulator.
 */
import type { GraphPipeline } from '../http/graph-pipeline';
import type { UserObject } from '../model/types';
import type { BrowserSessions } from './browser-sessions';
import type { WebResponse } from './drive-web';
import { isSafeReturnPath, signInPage, type SignInChoice } from './sign-in-page';

/** At most this many users are listed; anyone else signs in by typing a UPN. */
const MAX_CHOICES = 30;

const HTML = { 'Content-Type': 'text/html; charset=utf-8' };

function enabledMembers(pipeline: GraphPipeline): UserObject[] {
  return [...pipeline.services.store.users.values()].filter((u) => u.accountEnabled && u.userType === 'Member');
}

function choices(pipeline: GraphPipeline): SignInChoice[] {
  return enabledMembers(pipeline)
    .map((u) => ({ upn: u.userPrincipalName, displayName: u.displayName }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
    .slice(0, MAX_CHOICES);
}

function badReturn(): WebResponse {
  return {
    status: 400,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    body: 'The sign-in page opens only for a link of this emulator.\n',
  };
}

/**
 * The answer to a request for the sign-in page. `form` is the urlencoded body of a POST. Never throws.
 */
export function signInResponse(
  pipeline: GraphPipeline,
  sessions: BrowserSessions,
  method: string,
  query: URLSearchParams,
  form: string,
): WebResponse {
  if (method === 'GET') {
    const ret = query.get('return') ?? '';
    if (!isSafeReturnPath(ret)) return badReturn();
    return { status: 200, headers: HTML, body: signInPage(ret, choices(pipeline)) };
  }
  if (method !== 'POST')
    return { status: 405, headers: { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET, POST' }, body: '' };
  const fields = new URLSearchParams(form);
  const ret = fields.get('return') ?? '';
  if (!isSafeReturnPath(ret)) return badReturn();
  const upn = (fields.get('upn') ?? '').trim().toLowerCase();
  // Any enabled account may sign in (a guest by typing its UPN); the link then decides whom it admits.
  const user = [...pipeline.services.store.users.values()].find(
    (u) => u.accountEnabled && u.userPrincipalName.toLowerCase() === upn,
  );
  if (!user)
    return {
      status: 400,
      headers: HTML,
      body: signInPage(ret, choices(pipeline), 'There is no enabled account with that UPN in this tenant.'),
    };
  const id = sessions.open(user.id);
  return {
    status: 303,
    headers: { Location: ret, 'Set-Cookie': sessions.cookieFor(id), 'Content-Type': 'text/plain; charset=utf-8' },
    body: 'Signed in.\n',
  };
}
