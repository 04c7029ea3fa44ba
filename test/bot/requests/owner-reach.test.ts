import { strict as assert } from 'node:assert';
import {
  chooseFallback,
  reachSentence,
  reachWorthTelling,
  type ApproverReach,
} from '../../../bot/requests/owner-reach';

describe('bot/requests/owner-reach', () => {
  describe('chooseFallback', () => {
    const team = { conversationId: '19:team@thread.tacv2', teamName: 'Finance' };

    it("prefers the group's own team channel, even when asked in a shared chat", () => {
      assert.deepEqual(
        chooseFallback({
          teamChannel: team,
          askedIn: '19:chat@thread.v2',
          askedInShared: true,
          administratorsLeft: true,
        }),
        { kind: 'team-channel', conversationId: team.conversationId, teamName: 'Finance' },
      );
    });

    it('else the shared chat the request was asked in (an old route without askedInShared counts as shared)', () => {
      for (const askedInShared of [true, undefined]) {
        assert.deepEqual(chooseFallback({ askedIn: '19:chat@thread.v2', askedInShared, administratorsLeft: true }), {
          kind: 'shared-chat',
          conversationId: '19:chat@thread.v2',
        });
      }
    });

    it("else the Groups Administrators when asked in the requester's own 1:1 chat, else none", () => {
      assert.deepEqual(chooseFallback({ askedIn: 'a:ana', askedInShared: false, administratorsLeft: true }), {
        kind: 'administrators',
      });
      assert.deepEqual(chooseFallback({ askedIn: 'a:ana', askedInShared: false, administratorsLeft: false }), {
        kind: 'none',
      });
    });
  });

  describe('reachSentence', () => {
    it("names who got the card where and who did not and why, with the admin's way out", () => {
      const reach: ApproverReach[] = [
        { name: 'Olga Owner', place: { kind: 'personal' } },
        { name: 'Lee Gu', place: { kind: 'team-channel', teamName: 'Finance' }, noChat: 'no-app' },
      ];
      assert.equal(
        reachSentence(reach),
        'Sent to Olga Owner (1:1 chat) and Lee Gu (Finance team channel). Lee Gu has not installed groupbot, so the ' +
          'card went to the Finance team channel instead. Ask your Teams admin to pre-install groupbot for everyone (see README).',
      );
    });

    it('says who could not be told at all, grouped by reason, and where they will find it', () => {
      const text = reachSentence([
        { name: 'Olga Owner', place: { kind: 'personal' } },
        { name: 'Adele Vance', noChat: 'no-app' },
        { name: 'Lee Gu', noChat: 'no-app' },
        { name: 'Bob Kelly', noChat: 'no-chat' },
        { name: 'Isaiah Langer', noChat: 'failed' },
      ]);
      assert.equal(
        text,
        'Sent to Olga Owner (1:1 chat). Adele Vance and Lee Gu have not installed groupbot, so I could not send them ' +
          'the card yet; it reaches them as soon as groupbot is installed for them. Bob Kelly has not chatted with me yet, so I could not send them the card. Teams did not let me ' +
          'open a chat with Isaiah Langer just now, so they did not get the card. They will see your request under ' +
          '"pending approvals" when they message me, and I remind them when it is due. Ask your Teams admin to ' +
          'pre-install groupbot for everyone (see README).',
      );
      assert.doesNotMatch(text, /[0-9a-f]{8}-|29:|a:1/, 'no ids');
    });

    it('names the Groups Administrators asked instead, an install under way, and this chat', () => {
      assert.equal(
        reachSentence([
          { name: 'Adele Vance', noChat: 'no-app' },
          { name: 'Grace Taylor', place: { kind: 'personal' }, administrator: true },
        ]),
        'Sent to Grace Taylor (Groups Administrator, 1:1 chat). Adele Vance has not installed groupbot, so I could ' +
          'not send them the card yet; it reaches them as soon as groupbot is installed for them. Ask your Teams ' +
          'admin to pre-install groupbot for everyone (see README).',
      );
      assert.equal(
        reachSentence([{ name: 'Adele Vance', installing: true, noChat: 'no-app' }]),
        'I installed groupbot for Adele Vance; the card goes to their 1:1 chat as soon as Teams confirms it.',
      );
      assert.equal(
        reachSentence([{ name: 'Olga Owner', place: { kind: 'shared-chat' }, noChat: 'no-app' }]),
        'Sent to Olga Owner (this chat). Olga Owner has not installed groupbot, so the card went here instead. Ask ' +
          'your Teams admin to pre-install groupbot for everyone (see README).',
      );
      assert.equal(reachSentence([]), '');
    });
  });

  describe('reachWorthTelling', () => {
    it('is false when everyone has it in a 1:1 chat or in this chat, true otherwise', () => {
      assert.equal(
        reachWorthTelling([
          { name: 'A', place: { kind: 'personal' } },
          { name: 'B', place: { kind: 'shared-chat' } },
        ]),
        false,
      );
      assert.equal(reachWorthTelling([{ name: 'A', place: { kind: 'team-channel', teamName: 'T' } }]), true);
      assert.equal(reachWorthTelling([{ name: 'A', noChat: 'no-app' }]), true);
      assert.equal(reachWorthTelling([{ name: 'A', place: { kind: 'personal' }, administrator: true }]), true);
    });
  });
});
