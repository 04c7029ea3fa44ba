/**
 * The card-verb registry against the card builders: every verb is emitted by some card, each emitted button's
 * payload (with its card's inputs filled in, as Teams sends it) is accepted by its verb's schema, and crafted
 * variations of those very payloads are refused, naming the field.
 */
import assert from 'node:assert/strict';
import { refreshAction } from '../../cards/actions';
import { parseCardAction } from '../../cards/card-action-parse';
import { CARD_ACTION, CARD_VERBS, isCardVerb, type CardVerb } from '../../cards/card-verbs';
import { actionPayload, renderCardText } from '../../cards/render-text';
import { SAMPLES } from './samples';

/** A plausible value for each input, as a user would fill it in. */
function sampleInputs(card: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const input of renderCardText(card).inputs) {
    out[input.id] = input.value || (input.kind === 'choice' ? (input.choices?.[0]?.value ?? '') : 'sample text');
  }
  return out;
}

/** Every payload the sample cards' buttons send (and the request cards' refresh), by verb. */
function emittedPayloads(): Map<string, Record<string, unknown>[]> {
  const byVerb = new Map<string, Record<string, unknown>[]>();
  const add = (verb: string, payload: Record<string, unknown>): void => {
    byVerb.set(verb, [...(byVerb.get(verb) ?? []), payload]);
  };
  for (const build of Object.values(SAMPLES)) {
    const card = build();
    const inputs = sampleInputs(card);
    for (const action of renderCardText(card).actions) add(action.verb ?? '', actionPayload(action, inputs));
  }
  const refresh = refreshAction({ verb: 'requestRefresh', requestId: 'r1' });
  add(refresh.verb, { action: refresh, trigger: 'automatic' });
  return byVerb;
}

/** The schema of one verb's payload (a member of the union). */
function memberOf(verb: CardVerb) {
  const member = CARD_ACTION.innerType().optionsMap.get(verb);
  assert.ok(member, verb);
  return member;
}

/** The flat data of a payload (an invoke value's `action.data`, else the payload itself). */
function flat(payload: Record<string, unknown>): Record<string, unknown> {
  const action = payload['action'] as { data?: Record<string, unknown> } | undefined;
  return action?.data ? { ...action.data } : { ...payload };
}

describe('cards/card-verbs (the card-verb registry)', () => {
  const emitted = emittedPayloads();

  it('lists each verb once, from the union itself, and knows no inherited names', () => {
    assert.equal(new Set(CARD_VERBS).size, CARD_VERBS.length);
    assert.equal(CARD_VERBS.length, 25);
    for (const verb of CARD_VERBS) assert.ok(isCardVerb(verb));
    for (const name of ['toString', 'constructor', '__proto__', 'dropTable', 42]) assert.equal(isCardVerb(name), false);
  });

  it('every verb is emitted by some card builder, and no card emits a verb outside the registry', () => {
    assert.deepEqual(
      CARD_VERBS.filter((v) => !emitted.has(v)),
      [],
    );
    assert.deepEqual(
      [...emitted.keys()].filter((v) => !isCardVerb(v)),
      [],
    );
  });

  it("each verb's schema accepts every payload its builders emit, to that verb", () => {
    let count = 0;
    for (const [verb, payloads] of emitted) {
      for (const payload of payloads) {
        const parsed = parseCardAction(payload);
        assert.ok(parsed.ok, `${verb}: ${parsed.ok ? '' : parsed.error} in ${JSON.stringify(payload)}`);
        assert.equal(parsed.action.verb, verb);
        count += 1;
      }
    }
    assert.ok(count >= 60, `only ${count} payloads`);
  });

  it('refuses each emitted payload with an extra field, under any verb', () => {
    for (const [verb, payloads] of emitted) {
      for (const extra of ['isAdmin', 'actorId', '__proto__', 'constructor']) {
        const crafted = Object.fromEntries([...Object.entries(flat(payloads[0] ?? {})), [extra, 'x']]);
        const parsed = parseCardAction(crafted);
        assert.equal(parsed.ok, false, `${verb} + ${extra}`);
        if (!parsed.ok) assert.match(parsed.error, new RegExp(`"${extra}"`), verb);
      }
    }
  });

  it('refuses each emitted payload without one of its required fields, naming it', () => {
    let checked = 0;
    for (const [verb, payloads] of emitted) {
      const shape = memberOf(verb as CardVerb).shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
      const data = flat(payloads[0] ?? {});
      for (const key of Object.keys(data)) {
        if (key === 'verb' || !shape[key] || shape[key].safeParse(undefined).success) continue;
        const { [key]: _dropped, ...rest } = data;
        assert.deepEqual(parseCardAction(rest), { ok: false, error: `The field "${key}" is missing.` }, verb);
        checked += 1;
      }
    }
    assert.ok(checked >= 20, `only ${checked} required fields`);
  });

  it('refuses each field of each emitted payload when wrong-typed or over-long, naming it', () => {
    for (const [verb, payloads] of emitted) {
      const data = flat(payloads[0] ?? {});
      for (const [key, value] of Object.entries(data)) {
        if (key === 'verb') continue;
        for (const bad of [{ nested: true }, ['x'], 'x'.repeat(5000)]) {
          if (typeof value !== 'string' && typeof bad === 'string') continue;
          const parsed = parseCardAction({ ...data, [key]: bad });
          assert.equal(parsed.ok, false, `${verb}.${key} = ${JSON.stringify(bad).slice(0, 20)}`);
          if (!parsed.ok) assert.match(parsed.error, new RegExp(`"${key}(\\.|")`), `${verb}.${key}: ${parsed.error}`);
        }
      }
    }
  });

  it('refuses unknown verbs, and a verb the button and its data disagree on', () => {
    assert.deepEqual(parseCardAction({ verb: 'grantAdmin' }), {
      ok: false,
      error: 'Unknown card action "grantAdmin".',
    });
    const refresh = refreshAction({ verb: 'requestRefresh', requestId: 'r1' });
    assert.deepEqual(parseCardAction({ action: { ...refresh, verb: 'approvalApprove' } }), {
      ok: false,
      error: 'The card action verb does not match its data.',
    });
  });
});
