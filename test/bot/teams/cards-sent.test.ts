import { strict as assert } from 'node:assert';
import { ActivityTypes, MemoryStorage, type Activity } from 'botbuilder';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';
import { InProcessAdapter, type TurnOutput } from '../../../bot/chat/in-process-adapter';
import { createBotApp } from '../../../bot/teams/bot-app';
import { LocalTokenSource } from '../../../bot/teams/user-tokens';
import { LocalIdentity } from '../../../bot/local/local-identity';
import { openTestServices, type TestServices } from '../../support/bot-services';
import { createLogger } from '../../../bot/log';
import { validateCard, parseCardAction } from '../../../cards';
import { DEMO_USERS } from '../../../graph-emulator';

/**
 * Every card the bot sends, across the main conversations, is checked with the adaptivecards package (no parse
 * errors, version ≤ 1.5, fallback text, house rules) and every button's payload parses server-side.
 */
describe('cards the bot sends', function () {
  this.timeout(180_000);
  let emu: TestEmulator;
  let adapter: InProcessAdapter;
  let app: ReturnType<typeof createBotApp>;
  let services: TestServices;
  const seen: { utterance: string; card: Record<string, unknown> }[] = [];

  before(async () => {
    emu = await startTestEmulator();
    const identity = new LocalIdentity(emu.dataDir);
    adapter = new InProcessAdapter();
    services = await openTestServices({
      graph: { baseUrl: emu.emulator.baseUrl, caPem: emu.emulator.caPem },
      log: createLogger('error'),
    });
    app = createBotApp({
      ...services.turn(new LocalTokenSource((id) => identity.tokenFor(id))),
      ...services.hooks,
      storage: new MemoryStorage(),
    });
  });
  after(async () => {
    await services?.close();
    await emu?.stop();
  });

  const from = { id: 'u-megan', name: 'Megan Bowen', aadObjectId: DEMO_USERS.megan.id };
  const base = (): Partial<Activity> => ({
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1/x',
    from,
    recipient: { id: 'bot', name: 'groupbot' },
    conversation: { id: 'c1', conversationType: 'personal' } as never,
  });

  function cardsOf(label: string, out: TurnOutput): Record<string, unknown>[] {
    const cards: Record<string, unknown>[] = [];
    for (const a of [...out.sent, ...out.updated])
      for (const att of a.attachments ?? [])
        if (att.contentType === 'application/vnd.microsoft.card.adaptive')
          cards.push(att.content as Record<string, unknown>);
    const body = out.invokeResponse?.body as { type?: string; value?: Record<string, unknown> } | undefined;
    if (body?.type === 'application/vnd.microsoft.card.adaptive' && body.value) cards.push(body.value);
    for (const card of cards) seen.push({ utterance: label, card });
    return cards;
  }

  async function say(text: string): Promise<{ cards: Record<string, unknown>[]; id?: string }> {
    const out = await adapter.runTurn({ ...base(), type: ActivityTypes.Message, text }, (ctx) =>
      app.run(ctx).then(() => undefined),
    );
    return { cards: cardsOf(text, out), id: out.sent.find((a) => a.attachments?.length)?.id };
  }

  async function click(
    label: string,
    card: Record<string, unknown>,
    replyToId: string | undefined,
    pick: (b: { title?: string; verb?: string }) => boolean,
  ): Promise<Record<string, unknown>[]> {
    const buttons = JSON.stringify(card).match(/"type":"Action\.Execute"[^}]*"verb":"[^"]+"/g) ?? [];
    assert.ok(buttons.length > 0, `${label}: the card has Action.Execute buttons`);
    const actions = collectExecute(card);
    const b = actions.find(pick);
    assert.ok(b, `${label}: a matching button`);
    const out = await adapter.runTurn(
      {
        ...base(),
        type: ActivityTypes.Invoke,
        name: 'adaptiveCard/action',
        replyToId,
        value: { action: { type: 'Action.Execute', verb: b.verb, data: b.data } },
      },
      (ctx) => app.run(ctx).then(() => undefined),
    );
    return cardsOf(`${label} → ${b.title}`, out);
  }

  it('validates the cards of reads, choices, confirmations, forms, previews and outcomes', async () => {
    for (const text of [
      'help',
      'who owns SecurityGroup101',
      'tell me about OutlookGroup101',
      'members of SecurityGroup101',
      'show all security groups',
      'is Ana Silva in SecurityGroup101?',
      'which groups is Ana Silva in',
      'create a security group called Finance Auditors',
      'who would match user.city -eq "Seattle"',
      "what's the membership rule for Marketing department",
      'which licenses are available',
      'my requests',
      'add Nobody Atall to Legal',
      "what's the weather like",
      'show deleted groups',
      'history of SecurityGroup101',
      'add these to Legal:\nana@contoso.com\nbob@contoso.com\nNobody Atall\nAna',
    ]) {
      await say(text);
    }
    const choice = await say('add Ana to OutlookGroup101');
    const afterPick = await click(
      'choice',
      choice.cards[0] as Record<string, unknown>,
      choice.id,
      (b) => b.verb === 'choose',
    );
    await click('confirm', afterPick[0] as Record<string, unknown>, choice.id, (b) => b.verb === 'confirm');
    const del = await say('delete Legal');
    if (del.cards[0] && collectExecute(del.cards[0]).some((b) => b.verb === 'confirm'))
      await click('delete', del.cards[0], del.id, (b) => b.verb === 'confirm');

    assert.ok(seen.length >= 15, `at least 15 cards were sent (saw ${seen.length})`);
    const problems: string[] = [];
    for (const { utterance, card } of seen) {
      const v = validateCard(card);
      if (!v.ok) problems.push(`${utterance}: ${v.errors.join('; ')}`);
      for (const b of collectExecute(card)) {
        // As a client does: the card's input values (their defaults here) are merged into the button's data.
        const parsed = parseCardAction({
          action: { type: 'Action.Execute', verb: b.verb, data: { ...inputDefaults(card), ...b.data } },
        });
        if (!parsed.ok) problems.push(`${utterance}: button '${b.title}' does not parse: ${parsed.error}`);
      }
    }
    assert.deepEqual(problems, []);
  });
});

interface ExecuteButton {
  title?: string;
  verb?: string;
  data?: Record<string, unknown>;
}

/** Every Action.Execute in a card, at any depth. */
function collectExecute(node: unknown, out: ExecuteButton[] = []): ExecuteButton[] {
  if (Array.isArray(node)) for (const n of node) collectExecute(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute')
      out.push({ title: o.title as string, verb: o.verb as string, data: o.data as Record<string, unknown> });
    for (const v of Object.values(o)) if (v && typeof v === 'object') collectExecute(v, out);
  }
  return out;
}

/** The default values of a card's inputs, by id, as a client would send them untouched. */
function inputDefaults(node: unknown, out: Record<string, string> = {}): Record<string, string> {
  if (Array.isArray(node)) for (const n of node) inputDefaults(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string')
      out[o.id] = typeof o.value === 'string' ? o.value : '';
    for (const v of Object.values(o)) if (v && typeof v === 'object') inputDefaults(v, out);
  }
  return out;
}
