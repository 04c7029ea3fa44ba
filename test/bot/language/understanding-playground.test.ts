/**
 * End to end: messages written the way people type them in Teams (taken from the people corpus and the held-back
 * set), sent through the real Microsoft 365 Agents Playground's API as Megan (the default current user) to the
 * real bot in local mode over the local Graph emulator. Each first answer must name the right people and group.
 * Nothing is written: confirmation and form cards are never pressed.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../bot/config';
import { createLogger } from '../../../bot/log';
import { startLocal, type LocalRuntime } from '../../../bot/local/local-runtime';
import { writePlaygroundConfig } from '../../../bot/local/playground-config';
import { PlaygroundClient, PlaygroundWaitError, pushText } from '../../support/playground-client';
import { startPlayground, type RunningPlayground } from '../../support/playground-launcher';

interface Case {
  text: string;
  /** Every one of these must appear in the first answer (its text or its card). */
  names: string[];
  /** Replies the message gets (two-operation messages get one per step). */
  replies?: number;
}

const CASES: Case[] = [
  { text: 'Hi! Could you add Adele Vance to Marketing please? Thanks a lot', names: ['Adele Vance', 'Marketing'] },
  { text: 'hey, nestor needs to be in Sales asap', names: ['Nestor Wilke', 'Sales'] },
  {
    text: 'Good morning 🙂 Joni Sherman starts in Legal on Monday. Can you add her to the Legal group? Cheers, Megan',
    names: ['Joni Sherman', 'Legal'],
  },
  { text: 'pls add grace to finance readers thx', names: ['Grace Taylor', 'Finance Readers'] },
  {
    text: "Add Pradeep to Finance Readers, he's covering the audit this quarter",
    names: ['Pradeep Gupta', 'Finance Readers'],
  },
  { text: 'wich groups is Lee Gu in?', names: ['Lee Gu', 'Engineering All'] },
  { text: 'show me the memebrs of Sales', names: ['Sales', 'Miriam Graham'] },
  { text: 'ownes of Legal?', names: ['Legal', 'Enrico Cattaneo'] },
  { text: 'Lidia should be in Research and Development', names: ['Lidia Holloway', 'Research and Development'] },
  { text: 'Marketing needs Christie Cline', names: ['Christie Cline', 'Marketing'] },
  { text: 'can Debra get added to Executive Leadership?', names: ['Debra Berger', 'Executive Leadership'] },
  { text: 'Raul is leaving Sales and Marketing, take him out', names: ['Raul Razo', 'Sales and Marketing'] },
  { text: 'let Isaiah co-own Identity Services', names: ['Isaiah Langer', 'Identity Services'] },
  { text: 'has Henrietta got access to Platform Core?', names: ['Henrietta Mueller', 'Platform Core'] },
  { text: 'tell me about Seattle Employees', names: ['Seattle Employees'] },
  { text: 'Legal — add Enrico Cattaneo', names: ['Enrico Cattaneo', 'Legal'] },
  { text: 'who do I ask to get into Finance Readers?', names: ['Finance Readers', 'Olga Owner'] },
  { text: 'add Adele to Legal and Nestor to Sales', names: ['Adele Vance', 'Legal'], replies: 2 },
  { text: 'add francois dubois to Marketing', names: ['François Dubois', 'Marketing'] },
  { text: 'add nestor + adele to Sales', names: ['Nestor Wilke', 'Adele Vance', 'Sales'] },
  { text: 'add Megan (my manager) to Legal', names: ['Megan Bowen', 'Legal'] },
  {
    text: "new security group 'VPN Users' for remote staff, owner grace",
    names: ['VPN Users', 'grace@contoso.com', 'for remote staff'],
  },
  { text: 'why is Adele in Seattle Employees?', names: ['Adele Vance', 'Seattle Employees', 'city equals Seattle'] },
  { text: 'how come Zoë is in Engineering All', names: ['Zoë Müller', 'Engineering All', 'Directory Squad'] },
  { text: 'remove bob from legal, he moved to IT', names: ['Bob Kelly', 'Legal'] },
  { text: 'Please take Raul Razo off Sales.', names: ['Raul Razo', 'Sales'] },
  { text: 'kick alex out of helpdesk admins', names: ['Alex Wilber', 'Helpdesk Admins'] },
  { text: 'make Miriam an owner of Sales and Marketing', names: ['Miriam Graham', 'Sales and Marketing'] },
  { text: 'Grace should co-own Marketing too', names: ['Grace Taylor', 'Marketing'] },
  { text: 'Lee no longer needs to own Platform Core', names: ['Lee Gu', 'Platform Core'] },
  { text: 'is Ana Silva a member of Design Team?', names: ['Ana Silva', 'Design Team'] },
  { text: 'does Pradeep have access to Finance Alerts', names: ['Pradeep Gupta', 'Finance Alerts'] },
  { text: 'what groups does Megan belong to', names: ['Megan Bowen', 'Marketing'] },
  { text: "Hello! Quick one: who's the owner of OutlookGroup101?", names: ['OutlookGroup101'] },
  {
    text: 'Hi, can you tell me who is in Finance Readers? I want to check before the audit.',
    names: ['Finance Readers', 'Olga Owner', 'Pradeep Gupta'],
  },
  {
    text: 'Morning! Nestor Wilke joined Operations last week. He needs Seattle Employees access. Could you add him? Thx',
    names: ['Seattle Employees', 'dynamic membership'],
  }, // a dynamic group: the answer says why nobody can be added
  { text: 'add Henrietta Mueller to Identity Services for 2 weeks', names: ['Henrietta Mueller', 'Identity Services'] },
  { text: 'list everyone in Engineering All including nested groups', names: ['Engineering All', 'Zoë Müller'] },
  { text: 'why is Zoë Müller in Engineering All?', names: ['Zoë Müller', 'Engineering All', 'Platform Core'] },
  {
    text: 'Hi. Adele Vance is joining the legal team next week. Please add her to Legal. Thanks',
    names: ['Adele Vance', 'Legal'],
  },
  { text: "Raul's contract ended yesterday. Please remove him from Sales.", names: ['Raul Razo', 'Sales'] },
  {
    text: 'Grace Taylor starts on Monday in IT. Please add her to Helpdesk Admins. Thanks!',
    names: ['Grace Taylor', 'Helpdesk Admins'],
  },
  {
    text: "Hey, Pradeep is covering Olga's work while she is away. Can you add him as an owner of Finance Readers?",
    names: ['Pradeep Gupta', 'Finance Readers'],
  },
  {
    text: 'Hello! Lee Gu is the new lead of Research and Development. Please make him an owner of it.',
    names: ['Lee Gu', 'Research and Development'],
  },
  { text: 'Christie Cline is a buyer now. Is she still in Sales?', names: ['Christie Cline', 'Sales'] },
  {
    text: 'Hi, Bob Kelly is in Seattle. Why is he in Seattle Employees?',
    names: ['Bob Kelly', 'Seattle Employees', 'city equals Seattle'],
  },
  {
    text: 'Good evening. Henrietta will help on Platform Core. Could you add her to that group?',
    names: ['Henrietta Mueller', 'Platform Core'],
  },
  { text: 'Adele Vance has a new role. Which groups is she in right now?', names: ['Adele Vance'] },
  { text: 'whcih groups is Bob in', names: ['Bob Kelly', 'Legal'] },
  { text: 'owenrs of SecurityGroup101', names: ['SecurityGroup101'] },
  { text: 'remvoe Bob from Legal', names: ['Bob Kelly', 'Legal'] },
  { text: 'Sales needs Raul', names: ['Raul Razo', 'Sales'] },
  { text: 'Legal needs Grace and Diego', names: ['Grace Taylor', 'Diego Siciliani', 'Legal'] },
  { text: 'Henrietta no longer needs Identity Services', names: ['Henrietta Mueller', 'Identity Services'] },
  { text: 'has Bob got access to Legal', names: ['Bob Kelly', 'Legal'] },
  { text: 'Sales — add Liam', names: ["Liam O'Brien", 'Sales'] },
  { text: 'who runs Identity Services', names: ['Identity Services', 'Lee Gu'] },
  { text: 'add Nestor to Sales and remove Raul from Sales', names: ['Nestor Wilke', 'Sales'], replies: 2 },
  { text: 'remove Bob from Legal and add him to Sales', names: ['Bob Kelly', 'Legal'], replies: 2 },
  { text: 'who owns Legal and who is in it', names: ['Legal', 'Enrico Cattaneo'], replies: 2 },
  { text: "why's Zoë in Engineering All", names: ['Zoë Müller', 'Engineering All'] },
  { text: 'add Adele & Grace to Legal', names: ['Adele Vance', 'Grace Taylor', 'Legal'] },
  { text: 'add Bob (IT) to Legal', names: ['Bob Kelly', 'Legal'] },
  { text: 'is francois dubois in marketing department', names: ['François Dubois', 'Marketing department'] },
  {
    text: 'create a team called Launch Crew, owners Megan and Adele',
    names: ['Launch Crew', 'megan@contoso.com', 'adele@contoso.com'],
  },
  { text: "add Joni to Legal, I'm helping with contracts", names: ['Joni Sherman', 'Legal'] },
  { text: 'add Megan to Research and Development (temporary)', names: ['Megan Bowen', 'Research and Development'] },
  { text: 'add to Marketing', names: ['Marketing', 'Who should I add'] },
  { text: 'who owns', names: ['Which group'] },
  { text: 'thanks!', names: ["You're welcome"] },
  { text: 'Finance Readers owners pls', names: ['Finance Readers', 'Olga Owner'] },
];

describe("understanding people's messages end to end (Agents Playground, as Megan)", function () {
  this.timeout(30000);
  let dir: string;
  let local: LocalRuntime;
  let playground: RunningPlayground;
  let client: PlaygroundClient;
  const botLog: string[] = [];

  before(async function () {
    this.timeout(90000);
    dir = mkdtempSync(join(tmpdir(), 'groupbot-understanding-'));
    const config = loadConfig({ DATA_DIR: join(dir, 'data'), PORT: '0', GRAPH_EMULATOR_PORT: '0', LOG_LEVEL: 'info' });
    local = await startLocal(
      config,
      createLogger('info', (line) => botLog.push(line)),
    );
    const configPath = join(dir, 'playground.yml');
    writePlaygroundConfig(configPath);
    playground = await startPlayground({ botEndpoint: local.bot?.endpoint ?? '', configPath, logDir: dir });
    client = await PlaygroundClient.connect(playground.url);
  });

  after(async function () {
    this.timeout(30000);
    if (this.currentTest?.state === 'failed') process.stderr.write(botLog.slice(-30).join('\n') + '\n');
    await client?.close();
    await playground?.stop();
    await local?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`has at least 60 messages`, () => {
    assert.ok(CASES.length >= 60, `${CASES.length}`);
  });

  for (const c of CASES) {
    it(`${JSON.stringify(c.text.length > 80 ? c.text.slice(0, 80) + '…' : c.text)} names ${c.names.join(', ')}`, async () => {
      const chat = client.config.personalChatId;
      await client.sendPersonal(c.text);
      const first = await client.waitForBot(chat, { actions: ['createMessage'] });
      const said = pushText(first);
      for (const name of c.names)
        assert.ok(said.includes(name), `"${name}" is not in the first answer:\n${said.slice(0, 1500)}`);
      for (let i = 1; i < (c.replies ?? 1); i += 1) await client.waitForBot(chat, { actions: ['createMessage'] });
      // Nothing else may still be on its way into the next case.
      await assert.rejects(
        client.waitForBot(chat, { actions: ['createMessage'], timeoutMs: 250 }),
        PlaygroundWaitError,
      );
    });
  }
});
