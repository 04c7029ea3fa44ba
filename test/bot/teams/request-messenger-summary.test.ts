import { strict as assert } from 'node:assert';
import { messageActivity } from '../../../bot/teams/request-messenger';
import { buildNoticeCard } from '../../../cards/notice-card';

describe('bot/teams/request-messenger: the chat-list preview', () => {
  const olga = { id: '29:olga', name: 'Olga Owner' };

  it('shows the mentioned names without <at> markup, while the card keeps the mention', () => {
    const a = messageActivity({
      text: 'Ana Silva asks to join Finance Readers.',
      card: buildNoticeCard('Ana Silva asks to join Finance Readers.'),
      mention: [olga, { id: '29:bob', name: 'Bob Kelly' }],
    });
    assert.equal(a.summary, 'Olga Owner, Bob Kelly: Ana Silva asks to join Finance Readers.');
    assert.doesNotMatch(String(a.summary), /<\/?at>/);
    const card = a.attachments?.[0]?.content as { body: { text?: string }[]; msteams?: { entities?: unknown[] } };
    assert.equal(
      card.body[0]?.text,
      '<at>Olga Owner</at>, <at>Bob Kelly</at>: Ana Silva asks to join Finance Readers.',
    );
    assert.equal(card.msteams?.entities?.length, 2);
  });

  it("falls back to the card's fallback text when there is no text", () => {
    const card = buildNoticeCard('Request approved.');
    assert.equal(messageActivity({ card }).summary, 'Request approved.');
  });
});
