/**
 * Inputs sent along (cards/card-verbs.ts SENT_ALONG): Teams and the Agents Playground send every input of a card with
 * each of its buttons, even one marked associatedInputs 'none'. Every button of every sample card, pressed with all
 * of its card's inputs filled as a client sends them, parses to the same action as its own data alone (when it does
 * not use them) and never carries them; the per-verb lists match the inputs the cards really have; crafted fields,
 * wrong types and over-long text are still refused.
 */
import assert from 'node:assert/strict';
import { refreshAction } from '../../cards/actions';
import { parseCardAction } from '../../cards/card-action-parse';
import { CARD_INPUTS, SENT_ALONG, type SentAlongVerb } from '../../cards/card-verbs';
import { renderCardText, type RenderedAction } from '../../cards/render-text';
import { clientInputValues, type Fill } from './client-inputs';
import { guid } from './fixtures';
import { SAMPLES } from './samples';

const PICK = /^pick_\d+$/;
/** The key an input's value is checked under (the bulk card's pick_N inputs are gathered under `picks`). */
const keyOf = (inputId: string): string => (PICK.test(inputId) ? 'picks' : inputId);

const sentAlong = (verb: string): readonly string[] =>
  Object.hasOwn(SENT_ALONG, verb) ? SENT_ALONG[verb as SentAlongVerb] : [];

interface Pressed {
  card: string;
  button: string;
  verb: string;
  type: RenderedAction['type'];
  usesInputs: boolean;
  data: Record<string, unknown>;
  inputIds: string[];
}

/** Every sample card, the approval card also with the refresh block request cards carry (bot/requests). */
function cards(): [string, unknown][] {
  const out: [string, unknown][] = Object.entries(SAMPLES).map(([name, build]) => [name, build()]);
  const approval = SAMPLES['approval'];
  assert.ok(approval, 'the approval sample');
  out.push([
    'approval+refresh',
    { ...approval(), refresh: { action: refreshAction({ verb: 'requestRefresh', requestId: 'r1' }) } },
  ]);
  return out;
}

/** The buttons of a card (and its refresh action, which has no title and sends no chosen inputs). */
function buttons(card: unknown): RenderedAction[] {
  const rendered = renderCardText(card).actions.filter((a) => a.verb !== undefined);
  const refresh = (card as { refresh?: { action?: { verb?: string; data?: Record<string, unknown> } } }).refresh;
  if (refresh?.action?.verb)
    rendered.push({
      number: 0,
      title: '(refresh)',
      type: 'Action.Execute',
      verb: refresh.action.verb,
      data: refresh.action.data ?? {},
      usesInputs: false,
    });
  return rendered;
}

function everyPress(): { pressed: Pressed[]; cardsByName: Map<string, unknown> } {
  const pressed: Pressed[] = [];
  const cardsByName = new Map<string, unknown>();
  for (const [name, card] of cards()) {
    cardsByName.set(name, card);
    const inputIds = Object.keys(clientInputValues(card));
    for (const b of buttons(card))
      pressed.push({
        card: name,
        button: b.title,
        verb: b.verb ?? '',
        type: b.type,
        usesInputs: b.usesInputs,
        data: b.data,
        inputIds,
      });
  }
  return { pressed, cardsByName };
}

/** What a client sends for a button: an Execute's invoke value, or a Submit's value, with every input merged in. */
function clientPayload(p: Pressed, card: unknown, fill: Fill): Record<string, unknown> {
  const data = { ...clientInputValues(card, fill), ...p.data };
  return p.type === 'Action.Submit' ? data : { action: { type: 'Action.Execute', verb: p.verb, data } };
}

describe('cards/card-verbs SENT_ALONG (card inputs clients send with every button)', () => {
  const { pressed, cardsByName } = everyPress();
  const cardOf = (p: Pressed): unknown => cardsByName.get(p.card);

  it('every button of every sample card parses with all its card inputs, as a client sends them', () => {
    let withInputs = 0;
    for (const p of pressed) {
      const parsed = parseCardAction(clientPayload(p, cardOf(p), 'typical'));
      const where = `${p.card} / ${p.button}`;
      assert.ok(parsed.ok, `${where}: ${parsed.ok ? '' : parsed.error}`);
      assert.equal(parsed.action.verb, p.verb, where);
      for (const key of sentAlong(p.verb)) assert.ok(!(key in parsed.action), `${where}: "${key}" was dropped`);
      if (p.inputIds.length > 0) withInputs += 1;
    }
    // The create form (3 buttons), the access request (2), the approval card (2 + refresh), the bulk table (2).
    assert.ok(withInputs >= 10, `only ${withInputs} buttons on cards with inputs`);
  });

  it('a button that ignores the inputs parses to exactly its own data, however full the inputs are', () => {
    let checked = 0;
    for (const p of pressed.filter((x) => !x.usesInputs && x.inputIds.length > 0)) {
      const alone = parseCardAction({ ...p.data, verb: p.verb });
      assert.ok(alone.ok, `${p.card} / ${p.button} alone`);
      for (const fill of ['typical', 'full'] as const) {
        const parsed = parseCardAction(clientPayload(p, cardOf(p), fill));
        assert.deepEqual(parsed, alone, `${p.card} / ${p.button} with ${fill} inputs`);
        for (const id of p.inputIds) assert.ok(parsed.ok && !(keyOf(id) in parsed.action), `${p.card}: ${id}`);
      }
      checked += 1;
    }
    // Cancel on the create form, the access request and the bulk table; Approve and the refresh on the approval card.
    assert.ok(checked >= 5, `only ${checked} buttons that ignore inputs`);
  });

  it("lists, per verb, exactly the inputs of the cards carrying it that it does not use, and every card's inputs", () => {
    const seen = new Map<string, Set<string>>();
    for (const p of pressed.filter((x) => sentAlong(x.verb).length > 0))
      for (const id of p.inputIds) seen.set(p.verb, (seen.get(p.verb) ?? new Set()).add(keyOf(id)));
    for (const [verb, keys] of Object.entries(SENT_ALONG))
      assert.deepEqual([...keys].sort(), [...(seen.get(verb) ?? [])].sort(), `SENT_ALONG.${verb}`);
    const onCards = new Set(pressed.flatMap((p) => p.inputIds.map(keyOf)));
    const declared = new Set(Object.values(CARD_INPUTS).flatMap((inputs) => Object.keys(inputs)));
    assert.deepEqual([...declared].sort(), [...onCards].sort(), 'CARD_INPUTS are the inputs the cards have');
  });

  it('the multi-select and toggle forms a client sends are text like any other input', () => {
    // No groupbot card has a toggle or a multi-select yet; what such an input sends still parses as text.
    for (const value of ['true', 'false', `${guid(1)},${guid(2)}`]) {
      const parsed = parseCardAction({ verb: 'cancel', pendingId: 'p1', rule: value, owners: value });
      assert.deepEqual(parsed, { ok: true, action: { verb: 'cancel', pendingId: 'p1' } }, value);
    }
  });

  describe('still refuses', () => {
    function fails(value: Record<string, unknown>, pattern: RegExp): void {
      const parsed = parseCardAction(value);
      assert.equal(parsed.ok, false, `expected a refusal for ${JSON.stringify(value).slice(0, 120)}`);
      if (!parsed.ok) assert.match(parsed.error, pattern);
    }

    it('a crafted field next to all the inputs sent along, for every verb that has some', () => {
      for (const [verb, keys] of Object.entries(SENT_ALONG)) {
        const inputs = Object.fromEntries(keys.map((k) => [k, k === 'picks' ? {} : 'typed']));
        const base = { ...inputs, verb, ...(verb === 'cancel' ? { pendingId: 'p1' } : { requestId: 'r1' }) };
        assert.ok(parseCardAction(base).ok, `${verb} with its inputs`);
        for (const extra of ['isAdmin', 'actorId', 'requestId2', 'constructor', '__proto__'])
          fails(Object.fromEntries([...Object.entries(base), [extra, 'x']]), new RegExp(`"${extra}"`));
      }
    });

    it("an input of another card than the verb's (nothing is accepted for every verb)", () => {
      fails({ verb: 'cancel', pendingId: 'p1', reason: 'why' }, /The field "reason" is not part of this button\./);
      fails({ verb: 'approvalApprove', requestId: 'r1', justification: 'x' }, /"justification" is not part/);
      fails({ verb: 'requestRefresh', requestId: 'r1', displayName: 'x' }, /"displayName" is not part/);
      fails({ verb: 'confirm', pendingId: 'p1', displayName: 'x' }, /"displayName" is not part/);
      fails({ verb: 'groupDelete', groupId: guid(1), reason: 'x' }, /"reason" is not part/);
      fails({ verb: 'undo', journalId: 'j1', pick_3: guid(2) }, /"pick_3" is not part/);
    });

    it('an input sent along with a wrong type or longer than its input allows', () => {
      fails({ verb: 'cancel', displayName: { nested: true } }, /^The field "displayName" must be text\.$/);
      fails({ verb: 'cancel', owners: ['Ana'] }, /^The field "owners" must be text\.$/);
      fails({ verb: 'cancel', visibility: 3 }, /^The field "visibility" must be text\.$/);
      fails({ verb: 'cancel', description: 'x'.repeat(1025) }, /"description" is longer than 1024 characters/);
      fails({ verb: 'cancel', rule: 'x'.repeat(3073) }, /"rule" is longer than 3072 characters/);
      fails({ verb: 'cancel', justification: 'x'.repeat(1001) }, /"justification" is longer than 1000/);
      fails({ verb: 'cancel', pick_3: 'not a guid' }, /^The field "pick_3" is not a GUID\.$/);
      fails({ verb: 'approvalApprove', requestId: 'r1', reason: 'x'.repeat(257) }, /"reason" is longer than 256/);
      fails({ verb: 'requestRefresh', requestId: 'r1', reason: { x: 1 } }, /"reason" must be text/);
    });

    it('unknown verbs, and the fields a verb uses, as before', () => {
      fails({ verb: 'cancelEverything', displayName: 'x' }, /^Unknown card action "cancelEverything"\.$/);
      fails({ verb: 'cancel', pendingId: 'has spaces', displayName: 'x' }, /"pendingId" is not a valid id/);
      fails({ verb: 'approvalApprove', reason: 'x' }, /^The field "requestId" is missing\.$/);
    });
  });

  it('keeps what the verbs that use inputs read, checked as before', () => {
    const deny = parseCardAction({ verb: 'approvalDeny', requestId: 'r1', reason: ' too broad ' });
    assert.deepEqual(deny, { ok: true, action: { verb: 'approvalDeny', requestId: 'r1', reason: 'too broad' } });
    const approve = parseCardAction({ verb: 'approvalApprove', requestId: 'r1', reason: ' too broad ' });
    assert.deepEqual(approve, { ok: true, action: { verb: 'approvalApprove', requestId: 'r1' } });
    assert.equal(parseCardAction({ verb: 'groupCreate', displayName: 'A', mailNickname: 'has space' }).ok, false);
    assert.deepEqual(parseCardAction({ verb: 'cancel', pendingId: 'p1', mailNickname: 'has space' }), {
      ok: true,
      action: { verb: 'cancel', pendingId: 'p1' },
    });
  });
});
