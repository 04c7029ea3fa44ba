/**
 * What `groupbot cloud` shows for each thing the bot sends through the local cloud's connector: cards as text with
 * numbered buttons, the sign-in card with its link, updates and deletions.
 */
import { strict as assert } from 'node:assert';
import { renderSent } from '../../../bot/cli/cloud-chat';
import type { BotSent } from '../../../local-cloud';

const sent = (kind: BotSent['kind'], activity?: Record<string, unknown>): BotSent => ({
  kind,
  conversationId: 'a:1',
  activityId: '1',
  seq: 1,
  ...(activity ? { activity } : {}),
});

describe('groupbot cloud: renderSent', () => {
  it('renders an Adaptive Card as text and returns its buttons', () => {
    const r = renderSent(
      sent('send', {
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            content: {
              type: 'AdaptiveCard',
              body: [{ type: 'TextBlock', text: 'Owners of Marketing' }],
              actions: [
                { type: 'Action.Execute', title: 'Approve', verb: 'approvalApprove', data: { requestId: 'r1' } },
              ],
            },
          },
        ],
      }),
    );
    assert.match(r.lines.join('\n'), /Owners of Marketing/);
    assert.match(r.lines.join('\n'), /1\) Approve/);
    assert.deepEqual(
      r.actions.map((a) => [a.number, a.verb]),
      [[1, 'approvalApprove']],
    );
  });

  it('shows a sign-in card with its link, and text with @mentions as plain names', () => {
    const r = renderSent(
      sent('reply', {
        text: 'Hello <at>Ana Silva</at>',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.oauth',
            content: {
              text: 'Sign in to manage groups',
              buttons: [{ type: 'signin', value: 'https://localhost:1/signin?x=1' }],
            },
          },
        ],
      }),
    );
    assert.deepEqual(r.lines, [
      'Hello @Ana Silva',
      '[sign-in card] Sign in to manage groups\n  sign-in link: https://localhost:1/signin?x=1',
    ]);
    assert.deepEqual(r.actions, []);
  });

  it('marks updates, names other attachments, and says when a message was deleted or empty', () => {
    assert.deepEqual(renderSent(sent('update', { text: 'Done.' })).lines, ['(card updated)', 'Done.']);
    assert.deepEqual(renderSent(sent('delete')).lines, ['(a message was deleted)']);
    assert.deepEqual(
      renderSent(sent('send', { attachments: [{ contentType: 'application/vnd.microsoft.teams.card.file.consent' }] }))
        .lines,
      ['[application/vnd.microsoft.teams.card.file.consent]'],
    );
    assert.deepEqual(renderSent(sent('send', {})).lines, ['(an empty message)']);
  });
});
