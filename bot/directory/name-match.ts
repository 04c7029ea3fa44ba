/**
 * Pure ranking of directory candidates against the words a user typed. Resolution order (docs/cards-and-conversation.md, Resolution):
 * id, mail/UPN, exact display name, then prefix, then fuzzy. No I/O here.
 */
export interface Named {
  id: string;
  displayName: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
  givenName?: string | null;
  surname?: string | null;
}

export type Resolution<T> =
  | { status: 'resolved'; query: string; item: T }
  | { status: 'ambiguous'; query: string; candidates: T[] }
  | { status: 'notFound'; query: string; suggestions: T[] };

/** Folds case and accents so "zoe muller" finds "Zoë Müller". */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Classic edit distance, bounded for speed; used only to order suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] as number;
      prev[j] = Math.min((prev[j] as number) + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length] as number;
}

function exactKeys(c: Named): string[] {
  return [c.id, c.displayName, c.mail, c.userPrincipalName].filter((x): x is string => !!x).map(fold);
}

/**
 * Picks the candidate(s) that the query names. Candidates come from a server-side prefix query, so all of
 * them start with the query in some property; exact matches win over prefixes.
 */
export function rankCandidates<T extends Named>(query: string, candidates: T[]): Resolution<T> {
  const q = fold(query);
  const unique = dedupe(candidates);
  if (unique.length === 0) return { status: 'notFound', query, suggestions: [] };
  const exact = unique.filter((c) => exactKeys(c).includes(q));
  if (exact.length === 1) return { status: 'resolved', query, item: exact[0] as T };
  if (exact.length > 1) return { status: 'ambiguous', query, candidates: exact };
  // "Ana" = given name; "Silva" = surname; "ana silva" matches display name case-insensitively above.
  const partial = unique.filter((c) => {
    const words = fold(c.displayName ?? '').split(' ');
    return (
      words.includes(q) ||
      fold(c.givenName ?? '') === q ||
      fold(c.surname ?? '') === q ||
      fold(c.mail ?? '').split('@')[0] === q
    );
  });
  const pool = partial.length > 0 ? partial : unique;
  if (pool.length === 1) return { status: 'resolved', query, item: pool[0] as T };
  return { status: 'ambiguous', query, candidates: pool.slice(0, 10) };
}

/**
 * The directory as the dictionary: the candidates whose whole name (display name, or mail nickname for groups)
 * appears inside the phrase as whole words ("Legal, I'm helping with contracts" holds "Legal"), longest name
 * first. Resolved when one name is the longest; ambiguous when several share that length; undefined when no
 * name fits.
 */
export function longestNameInside<T extends Named & { mailNickname?: string | null }>(
  phrase: string,
  candidates: T[],
): Resolution<T> | undefined {
  const words = ` ${fold(phrase)
    .replace(/[^\p{L}\p{N}@.]+/gu, ' ')
    .trim()} `;
  let best: T[] = [];
  let bestLength = 0;
  for (const c of dedupe(candidates)) {
    const names = [c.displayName, c.mailNickname]
      .filter((n): n is string => !!n)
      .map((n) =>
        fold(n)
          .replace(/[^\p{L}\p{N}@.]+/gu, ' ')
          .trim(),
      );
    const hit = names.filter((n) => n.length > 1 && words.includes(` ${n} `)).sort((a, b) => b.length - a.length)[0];
    if (hit === undefined || hit.length < bestLength) continue;
    if (hit.length > bestLength) {
      best = [];
      bestLength = hit.length;
    }
    best.push(c);
  }
  if (best.length === 0) return undefined;
  if (best.length === 1) return { status: 'resolved', query: phrase, item: best[0] as T };
  return { status: 'ambiguous', query: phrase, candidates: best.slice(0, 10) };
}

/** Orders loose candidates by closeness to the query, best first, at most `limit`. */
export function closest<T extends Named>(query: string, candidates: T[], limit = 5): T[] {
  const q = fold(query);
  return dedupe(candidates)
    .map((c) => ({ c, d: editDistance(q, fold(c.displayName ?? '').slice(0, Math.max(q.length + 3, 1))) }))
    .sort((a, b) => a.d - b.d || (a.c.displayName ?? '').localeCompare(b.c.displayName ?? ''))
    .slice(0, limit)
    .map((x) => x.c);
}

function dedupe<T extends Named>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.id) ? false : (seen.add(i.id), true)));
}
