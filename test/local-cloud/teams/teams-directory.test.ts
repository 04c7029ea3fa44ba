import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TeamsDirectory } from '../../../local-cloud/teams/teams-directory';

describe('local-cloud TeamsDirectory', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-directory-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('names users by key, UPN, Teams id or object id, and leaves out disabled accounts', () => {
    const d = new TeamsDirectory(dir, 'bot-app');
    const megan = d.user('megan');
    assert.equal(d.user('MEGAN@contoso.com').key, 'megan');
    assert.equal(d.user(megan.id).key, 'megan');
    assert.equal(d.user(megan.aadObjectId).key, 'megan');
    assert.match(megan.id, /^29:1[0-9a-f]{40}$/);
    assert.throws(() => d.user('raul'), /no Teams user/);
  });

  it('has stable conversations: a 1:1 chat per user, a group chat, a team with two channels', () => {
    const a = new TeamsDirectory(dir, 'bot-app');
    const b = new TeamsDirectory(dir, 'bot-app');
    assert.equal(a.personal('ana').id, b.personal('ana').id);
    assert.notEqual(a.personal('ana').id, new TeamsDirectory(dir, 'other-bot').personal('ana').id);
    assert.equal(a.groupChat().memberIds.length, 6);
    assert.deepEqual(
      a.channels().map((c) => c.name),
      ['General', 'Approvals'],
    );
    assert.equal(a.channels()[0]?.id, a.teamId);
    assert.equal(a.conversation(`${a.teamId};messageid=17`)?.id, a.teamId, 'a thread resolves to its channel');
  });

  it('persists installs, bot membership and behaviour in teams.json', () => {
    const a = new TeamsDirectory(dir, 'bot-app');
    assert.equal(a.botIsMember(a.personal('bob').id), false);
    a.setInstalled('bob', true);
    a.setBotMember(a.channels()[1]!.id, true);
    a.setBehaviour('bob', { consented: false });
    const b = new TeamsDirectory(dir, 'bot-app');
    assert.equal(b.isInstalled('bob'), true);
    assert.equal(b.botIsMember(b.personal('bob').id), true);
    assert.equal(b.botIsMember(b.teamId), true, 'the bot is in the team, so in every channel');
    assert.deepEqual(b.behaviour('bob'), { consented: false, sso: true, completesSignIn: true });
    assert.equal(b.botIsMember(b.groupChat().id), false);
  });
});
