/**
 * Scans what a card (or any reply) would show a person for things only machines should see: object ids (GUIDs)
 * and Microsoft Graph's own error wording. Button payloads (`data`) are skipped: they carry ids on purpose and
 * are never shown. Usable from unit, command and end-to-end tests.
 */
import assert from 'node:assert/strict';

const GUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

/** Phrases of Graph's error bodies that mean a raw Graph message reached the reader. */
export const GRAPH_ERROR_PHRASES: readonly string[] = [
  "Resource '",
  'does not exist or one of its queried reference-property objects',
  'Request_',
  'ErrorCode',
  'Authorization_RequestDenied',
  'Insufficient privileges to complete the operation',
  'One or more added object references already exist',
];

/** Keys whose contents are never shown: button payloads and Teams' mention entities. */
const HIDDEN = new Set(['data', 'msteams']);

/** Every string a reader can see in `value` (a card, a reply, text), skipping button payloads. */
export function shownStrings(value: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown, key?: string): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach((x) => visit(x, key));
    else if (v !== null && typeof v === 'object' && !HIDDEN.has(key ?? '')) {
      const o = v as Record<string, unknown>;
      // A choice's value (and a choice set's selected value) is sent back, not shown; its title is shown.
      const hidden = key === 'choices' || o['type'] === 'Input.ChoiceSet' ? ['value'] : [];
      for (const [k, x] of Object.entries(o)) if (k !== 'id' && k !== 'type' && !hidden.includes(k)) visit(x, k);
    }
  };
  visit(value);
  return out;
}

/** What in `value` a person should never see: each finding as "GUID in …" or "Graph phrase '…' in …". */
export function cardLeaks(value: unknown): string[] {
  const leaks: string[] = [];
  for (const s of shownStrings(value)) {
    const g = GUID.exec(s);
    if (g) leaks.push(`object id ${g[0]} in: ${s}`);
    for (const p of GRAPH_ERROR_PHRASES) if (s.includes(p)) leaks.push(`Graph phrase '${p}' in: ${s}`);
  }
  return leaks;
}

/** Fails when `value` shows an object id or a raw Graph error phrase. */
export function assertNoLeaks(value: unknown, what = 'card'): void {
  const leaks = cardLeaks(value);
  assert.deepEqual(leaks, [], `${what} shows what only machines should see:\n${leaks.join('\n')}`);
}
