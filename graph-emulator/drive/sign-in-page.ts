/**
 * The HTML pages a browser sees on the emulator's OneDrive web addresses: the local sign-in page (pick a user of
 * the tenant or type a UPN; no password, since this is a local emulator) and the "shared with someone else" page.
 * Pure functions of their inputs.
 */

/** Where the sign-in page is served (GET shows it, POST signs in): SharePoint's own pages live under /_layouts. */
export const SIGN_IN_PATH = '/_layouts/signin';

/** A user offered on the sign-in page. */
export interface SignInChoice {
  upn: string;
  displayName: string;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#242424}' +
  'li{margin:.3rem 0}button{font:inherit;padding:.2rem .6rem}input{font:inherit}.note{color:#616161}';

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head><body><h1>${esc(title)}</h1>${body}</body></html>`;
}

/**
 * True when `p` may be a target after sign-in: a path on the emulator's own /personal/ addresses, nothing else
 * (no scheme, no host, no `//`, no backslash, no control characters), so the page cannot redirect elsewhere.
 */
export function isSafeReturnPath(p: string): boolean {
  return /^\/personal\/[A-Za-z0-9._~%!$&'()*+,;=:@/-]+$/.test(p) && !p.includes('//');
}

/** The sign-in page: one button per user (a form posting the UPN) and a UPN field. */
export function signInPage(returnPath: string, choices: SignInChoice[], error?: string): string {
  const ret = `<input type="hidden" name="return" value="${esc(returnPath)}">`;
  const items = choices
    .map(
      (u) =>
        `<li><form method="post" action="${SIGN_IN_PATH}">${ret}<input type="hidden" name="upn" value="${esc(u.upn)}"><button type="submit">${esc(u.displayName)}</button> <span class="note">${esc(u.upn)}</span></form></li>`,
    )
    .join('');
  return page(
    'Sign in to open this file',
    `<p class="note">This is the local Graph emulator standing in for SharePoint: there is no password, pick an account of the demo tenant.</p>` +
      (error ? `<p role="alert"><strong>${esc(error)}</strong></p>` : '') +
      `<ul>${items}</ul>` +
      `<form method="post" action="${SIGN_IN_PATH}">${ret}<label>Or another account (UPN): <input name="upn" type="email" autocomplete="username" required></label> <button type="submit">Sign in</button></form>`,
  );
}

/** The page for a signed-in user a link does not admit. */
export function sharedWithSomeoneElsePage(signedInAs: string, returnPath: string): string {
  return page(
    'This link was shared with someone else.',
    `<p>You are signed in as ${esc(signedInAs)}, and this link does not work for you.</p>` +
      `<p><a href="${SIGN_IN_PATH}?return=${encodeURIComponent(returnPath)}">Sign in with a different account</a></p>`,
  );
}
