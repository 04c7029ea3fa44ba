import { strict as assert } from 'node:assert';
import { startHarness, UPN, allText, buttonData, type Harness } from './command-harness';
import { runIntent, continuePending } from '../../../bot/commands/dispatch';
import { runCardAction } from '../../../bot/commands/card-action-run';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import type { CommandContext, Outcome } from '../../../bot/commands/context';
import type { Intent } from '../../../bot/language';

function idOf(o: Outcome, verb: string, key = 'pendingId'): string {
  for (const r of o.replies) {
    const d = buttonData(r, verb);
    if (d && typeof d[key] === 'string') return d[key];
  }
  throw new Error(`no ${verb} button in: ${allText(o)}`);
}

async function confirmed(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const ask = await runIntent(intent, ctx);
  return continuePending(idOf(ask, 'confirm'), { confirmed: true }, ctx);
}

describe('bot/commands operations (emulator)', function () {
  this.timeout(180_000);
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
  });

  it('owner-remove: the last owner cannot be removed', async () => {
    const ctx = await h.ctx(UPN.megan);
    const out = await confirmed({ intent: 'removeOwners', users: ['Bob Kelly'], groups: ['SecurityGroup101'] }, ctx);
    assert.match(allText(out), /Bob Kelly was not removed: a group must keep at least one owner\./);
  });

  it('owner-add then member-remove report per-user outcomes', async () => {
    const ctx = await h.ctx(UPN.megan);
    assert.match(
      allText(await confirmed({ intent: 'addOwners', users: ['Ana Silva'], groups: ['Design Team'] }, ctx)),
      /Ana Silva is now an owner of 'Design Team'\./,
    );
    const out = await confirmed(
      { intent: 'removeMembers', users: ['Joni Sherman', 'Adele Vance'], groups: ['Legal'] },
      ctx,
    );
    assert.match(allText(out), /Joni Sherman was removed from 'Legal'\./);
    assert.match(allText(out), /Adele Vance wasn't a member of 'Legal', so nothing changed for them\./);
  });

  it('member-list and owner-list answer at once', async () => {
    const ctx = await h.ctx(UPN.bob);
    assert.match(
      allText(await runIntent({ intent: 'listOwners', groups: ['SecurityGroup101'] }, ctx)),
      /Owners of SecurityGroup101: Bob Kelly/,
    );
    const members = allText(await runIntent({ intent: 'listMembers', groups: ['SecurityGroup101'] }, ctx));
    assert.match(members, /Henrietta Mueller/);
    assert.match(members, /Design Team \(group\)/);
  });

  it('membership-check explains the nesting path and a dynamic rule', async () => {
    const ctx = await h.ctx(UPN.megan);
    assert.match(
      allText(await runIntent({ intent: 'checkMembership', users: ['Ana Silva'], groups: ['SecurityGroup101'] }, ctx)),
      /Ana Silva → Design Team → SecurityGroup101/,
    );
    const why = allText(
      await runIntent(
        { intent: 'checkMembership', users: ['Ana Silva'], groups: ['Marketing department'], explain: true },
        ctx,
      ),
    );
    assert.match(why, /because of its rule/);
    assert.match(why, /department/i);
  });

  it('user-groups lists direct and nested groups', async () => {
    const ctx = await h.ctx(UPN.ana);
    const text = allText(await runIntent({ intent: 'listUserGroups', users: ['me'] }, ctx));
    assert.match(text, /You are in: .*Design Team/);
    assert.match(text, /through nested groups: .*SecurityGroup101/);
  });

  it('group-show and rule-show', async () => {
    const ctx = await h.ctx(UPN.megan);
    const show = allText(await runIntent({ intent: 'showGroup', groups: ['OutlookGroup101'] }, ctx));
    assert.match(show, /'OutlookGroup101' is a Microsoft 365 group\./);
    assert.match(show, /owner/);
    assert.match(
      allText(await runIntent({ intent: 'showRule', groups: ['Seattle Employees'] }, ctx)),
      /user\.city -eq "Seattle"/,
    );
    const noRule = allText(await runIntent({ intent: 'showRule', groups: ['Legal'] }, ctx));
    assert.match(noRule, /has no membership rule/);
    assert.match(noRule, /set the rule of Legal to user\.department -eq "Sales"/);
    assert.doesNotMatch(noRule, /\\"/, 'no escaped quotes shown to the user');
  });

  it('group-list pages with a server-side cursor', async () => {
    const ctx = await h.ctx(UPN.megan);
    const first = await runIntent({ intent: 'listGroups' }, ctx);
    assert.match(allText(first), /Groups:/);
    const more = buttonData(first.replies[0], 'listMore');
    assert.ok(more, 'a More button');
    assert.doesNotMatch(String(more['cursor']), /https?:/);
    const second = await continuePending(String(more['cursor']), { confirmed: true }, ctx);
    assert.match(allText(second), /from 21/);
  });

  it('rule-preview counts through $filter, and invalid rules never reach Graph', async () => {
    const ctx = await h.ctx(UPN.megan);
    const out = await runIntent({ intent: 'previewRule', rule: 'user.city -eq "Seattle"' }, ctx);
    const p = allText(out);
    assert.match(p, /\d+ people match/);
    const card = JSON.stringify(out.replies.map((r) => r.card));
    assert.match(
      card,
      /"items":\[\{"type":"TextBlock","text":"Note"[^\]]*Counted by Microsoft Graph[^\]]*\],"style":"emphasis"/,
    );
    assert.doesNotMatch(card, /Warnings/, 'how it was counted is a note, not a warning');
    await h.resetStats();
    const bad = allText(await runIntent({ intent: 'previewRule', rule: 'user.city -eq' }, ctx));
    assert.match(bad, /not valid/);
    assert.equal(await h.requests(), 0);
  });

  it('rule-set: validate, preview, confirm, apply', async () => {
    const ctx = await h.ctx(UPN.megan);
    const ask = await runIntent(
      { intent: 'setRule', groups: ['Seattle Employees'], rule: 'user.city -eq "Redmond"' },
      ctx,
    );
    assert.match(allText(ask), /would join/);
    const done = await continuePending(idOf(ask, 'confirm'), { confirmed: true }, ctx);
    assert.match(allText(done), /is now user\.city -eq "Redmond"/);
  });

  it('rename and update go through a confirmation', async () => {
    const ctx = await h.ctx(UPN.megan);
    assert.match(
      allText(await confirmed({ intent: 'renameGroup', groups: ['Research and Development'], name: 'R&D' }, ctx)),
      /is now called 'R&D'/,
    );
    assert.match(
      allText(await confirmed({ intent: 'updateGroup', groups: ['Sales'], visibility: 'Private' }, ctx)),
      /visibility Private/,
    );
  });

  it('group-delete says what is lost, then Restore brings it back', async () => {
    const ctx = await h.ctx(UPN.megan);
    await h.resetStats();
    const ask = await runIntent({ intent: 'deleteGroup', groups: ['Engineering All'] }, ctx);
    assert.equal(await h.requests(), 2, 'resolution + one look-ahead $batch');
    const text = allText(ask);
    assert.match(text, /With it go its 2 members \(5 people counting nested groups\) and its owner \(Lee Gu\)\./);
    assert.match(
      text,
      /can be restored, with its members and owners, until \w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC \(30 days\)/,
    );
    assert.match(
      text,
      /Warning: While it is deleted, 5 people lose the apps, files and sites shared with the group, and anything else granted to the group/,
    );
    const done = await continuePending(idOf(ask, 'confirm'), { confirmed: true }, ctx);
    assert.match(allText(done), /Deleted 'Engineering All'/);
    const groupId = idOf(done, 'groupRestore', 'groupId');
    const restoreAsk = await runCardAction({ verb: 'groupRestore', groupId }, ctx);
    assert.ok(restoreAsk);
    const restored = await continuePending(idOf(restoreAsk, 'confirm'), { confirmed: true }, ctx);
    assert.match(allText(restored), /Restored 'Engineering All'/);
  });

  it('group-create: prefilled form, validation, confirmation, creation', async () => {
    const ctx = await h.ctx(UPN.bob);
    const form = await runIntent({ intent: 'createGroup', name: 'Finance Auditors', groupType: 'security' }, ctx);
    const formId = idOf(form, 'groupCreate');
    const bad = await continuePending(
      formId,
      { values: { groupType: 'security', displayName: 'Finance Auditors', mailNickname: 'bad nick' } },
      ctx,
    );
    assert.match(allText(bad), /cannot contain spaces/);
    const confirm = await continuePending(
      idOf(bad, 'groupCreate'),
      {
        values: {
          groupType: 'security',
          displayName: 'Finance Auditors',
          mailNickname: 'FinanceAuditors',
          owners: '',
          members: 'Ana Silva',
        },
      },
      ctx,
    );
    assert.match(allText(confirm), /Create the security group 'Finance Auditors'/);
    assert.match(
      allText(confirm),
      /You will be an owner of the new group: Microsoft Graph makes its creator an owner\./,
    );
    const done = await continuePending(idOf(confirm, 'confirm'), { confirmed: true }, ctx);
    assert.match(allText(done), /Created 'Finance Auditors'/);
  });

  it('licences: list with SKU names, assign with confirmation', async () => {
    const ctx = await h.ctx(UPN.megan);
    assert.match(allText(await runIntent({ intent: 'listLicenses' }, ctx)), /Office 365 E5/);
    assert.match(
      allText(await confirmed({ intent: 'assignLicense', groups: ['Finance Readers'], license: 'E5' }, ctx)),
      /Office 365 E5 is assigned to 'Finance Readers'/,
    );
  });

  it('help, cancel and unknown always answer', async () => {
    const ctx = await h.ctx(UPN.ana);
    for (const name of ['help', 'cancel', 'unknown', 'listRequests'] as const) {
      const out = await runIntent({ intent: name }, ctx);
      assert.ok(out.replies.length > 0 && (out.replies[0]?.text.length ?? 0) > 10, name);
    }
    assert.match(
      allText(await runIntent({ intent: 'unknown' }, ctx)),
      /Did you mean: .*Say "help" to see everything I can do/,
    );
  });
});
