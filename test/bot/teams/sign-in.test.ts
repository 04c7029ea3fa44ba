/**
 * When groupbot starts a sign-in (teams-ai's autoSignIn selector) and what it says when sign-in fails (pure).
 * The whole flows (SSO, magic code, missing consent, card clicks, channels) run against the local cloud in
 * test/production/teams-sign-in.test.ts.
 */
import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import {
  CHANNEL_SIGN_IN,
  isAutomaticRefresh,
  signInFailureOf,
  signInFailureText,
  ssoFailureText,
  startsSignIn,
} from '../../../bot/teams/sign-in';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbmEifQ.c2lnbmF0dXJl';

function activity(over: Partial<Activity>): Partial<Activity> {
  return {
    type: 'message',
    text: 'add Ana to Marketing',
    channelId: 'msteams',
    conversation: { id: 'a:1', conversationType: 'personal' } as Activity['conversation'],
    from: { id: '29:u', name: 'Ana' },
    ...over,
  };
}

describe('bot/teams/sign-in', () => {
  describe('startsSignIn', () => {
    let asked = 0;
    const signedIn = (answer: boolean) => async () => {
      asked++;
      return answer;
    };
    beforeEach(() => {
      asked = 0;
    });

    it('signs the user in for messages in 1:1 and group chats, without asking the token service first', async () => {
      assert.equal(await startsSignIn(activity({}), signedIn(false)), true);
      const group = activity({ conversation: { id: '19:g', conversationType: 'groupChat', isGroup: true } as never });
      assert.equal(await startsSignIn(group, signedIn(false)), true);
      assert.equal(asked, 0);
    });

    it('in a channel, signs in only a user who already has a token (no sign-in card in the channel)', async () => {
      const channel = activity({
        conversation: { id: '19:c@thread.tacv2', conversationType: 'channel', isGroup: true } as never,
      });
      assert.equal(await startsSignIn(channel, signedIn(false)), false);
      assert.equal(await startsSignIn(channel, signedIn(true)), true);
      assert.equal(asked, 2);
    });

    it('starts no sign-in for an automatic refresh, but does for a click and for the signin invokes', async () => {
      const refresh = activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'requestRefresh' }, trigger: 'automatic' },
      });
      assert.equal(isAutomaticRefresh(refresh), true);
      assert.equal(await startsSignIn(refresh, signedIn(true)), false);
      const click = activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'approvalApprove' }, trigger: 'manual' },
      });
      assert.equal(isAutomaticRefresh(click), false);
      assert.equal(await startsSignIn(click, signedIn(false)), true);
      const manualRefresh = activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'requestRefresh' }, trigger: 'manual' },
      });
      assert.equal(
        await startsSignIn(manualRefresh, signedIn(false)),
        false,
        'a refresh asked for by hand signs nobody in',
      );
      for (const name of ['signin/tokenExchange', 'signin/verifyState']) {
        assert.equal(await startsSignIn(activity({ type: 'invoke', name, value: {} }), signedIn(false)), true, name);
      }
      // A refresh in a channel, or a tokenExchange there, is still an invoke: no card is posted for either.
      assert.equal(asked, 0);
    });

    it('the channel answer is one line that points to the 1:1 chat', () => {
      assert.doesNotMatch(CHANNEL_SIGN_IN, /\n/);
      assert.match(CHANNEL_SIGN_IN, /1:1 chat/);
    });
  });

  describe('signInFailureText', () => {
    it('missing admin consent: says what to ask the administrator, with the Entra code, and no token', () => {
      const text = signInFailureText({
        message: `Unexpected error encountered while signing in: AADSTS65001: The user or administrator has not consented to use the application. token=${TOKEN}`,
        cause: 'other',
      });
      assert.match(text, /administrator/);
      assert.match(text, /admin consent/);
      assert.match(text, /AADSTS65001/);
      assert.ok(!text.includes(TOKEN) && !text.includes('eyJ'), text);
    });

    it('a flow that ended without a token, and other errors: the code, never the raw error', () => {
      assert.match(
        signInFailureText({
          message: 'Authentication flow completed without a token.',
          cause: 'completionWithoutToken',
        }),
        /completionWithoutToken/,
      );
      const other = signInFailureText({ message: `socket hang up while posting ${TOKEN}`, cause: 'other' });
      assert.match(other, /code: other/);
      assert.ok(!other.includes('socket hang up') && !other.includes('eyJ'), other);
    });
  });

  describe('signin/failure (Teams)', () => {
    it('reads code and message, cut short and without tokens', () => {
      assert.deepEqual(signInFailureOf({ code: 'resourcematchfailed', message: 'Resource match failed' }), {
        code: 'resourcematchfailed',
        message: 'Resource match failed',
      });
      assert.deepEqual(signInFailureOf(null), { code: 'unknown', message: '' });
      assert.equal(signInFailureOf({ code: 'x', message: `bad ${TOKEN}` }).message, 'bad [token]');
    });
  });

  describe('ssoFailureText (Teams sent signin/failure)', () => {
    it('names the code, points to the Sign in button, and for resourcematchfailed names the three values to align', () => {
      const text = ssoFailureText('resourcematchfailed');
      assert.match(text, /code: resourcematchfailed/);
      assert.match(text, /Sign in button/);
      assert.match(text, /webApplicationInfo\.resource/);
      assert.match(text, /Token Exchange URL/);
    });

    it('for any other code asks the user to quote it to the administrator', () => {
      const text = ssoFailureText('installappfailed');
      assert.match(text, /code: installappfailed/);
      assert.match(text, /quote that code/);
      assert.doesNotMatch(text, /webApplicationInfo/);
    });
  });
});
