import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildPlaygroundConfig,
  playgroundConfigYaml,
  writePlaygroundConfig,
  PLAYGROUND_PERSONAL_CHAT_ID,
} from '../../../bot/local/playground-config';
import { GLOBAL_ADMINISTRATOR } from '../../../graph-emulator/directory/directory-roles';
import { DEMO_GROUPS, DEMO_TENANT_ID, DEMO_USERS, type DemoUser } from '../../../graph-emulator/seed/demo-tenant';
import { startPlayground, type RunningPlayground } from '../../support/playground-launcher';

const byId = new Map<string, DemoUser & { key: string }>(
  Object.entries(DEMO_USERS).map(([key, u]) => [u.id, { ...u, key }]),
);

function ownsSomething(key: string): string[] {
  return Object.values(DEMO_GROUPS)
    .filter((g) => !g.deleted && (g.owners as string[] | undefined)?.includes(key))
    .map((g) => g.displayName);
}

describe('bot/local/playground-config', () => {
  const config = buildPlaygroundConfig();

  it('maps every Playground person onto a seeded demo user (aadObjectId = directory id, UPN, names)', () => {
    assert.equal(config.tenantId, DEMO_TENANT_ID);
    assert.equal(config.users.length, 5);
    const people = [config.currentUser, ...config.users];
    assert.equal(new Set(people.map((p) => p.id)).size, 6, 'Playground ids are distinct');
    for (const person of people) {
      const demo = byId.get(person.aadObjectId);
      assert.ok(demo, `${person.name} (${person.aadObjectId}) is not a demo user`);
      assert.equal(person.userPrincipleName, demo.upn);
      assert.equal(person.name, demo.displayName);
      assert.equal(person.givenName, demo.givenName);
      assert.equal(person.surname, demo.surname);
      assert.ok(!demo.guest && demo.accountEnabled !== false, `${person.name} must be an enabled member`);
    }
  });

  it('has the admin as current user, the owner of SecurityGroup101, a plain user and another owner', () => {
    assert.equal(config.currentUser.userPrincipleName, 'megan@contoso.com');
    assert.ok(byId.get(config.currentUser.aadObjectId)?.roles?.includes(GLOBAL_ADMINISTRATOR));
    const upns = config.users.map((u) => u.userPrincipleName);
    assert.ok(
      upns.includes('bob@contoso.com') && upns.includes('ana@contoso.com') && upns.includes('olga@contoso.com'),
    );
    assert.ok(DEMO_GROUPS.securityGroup101.owners?.includes('bob'));
    assert.deepEqual(ownsSomething('ana'), [], 'Ana owns no group');
    assert.equal((DEMO_USERS.ana as DemoUser).roles, undefined, 'Ana has no directory role');
    assert.ok(ownsSomething('olga').length > 0, 'Olga owns a group');
  });

  it('writes the YAML to the given path, creating its folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'groupbot-pgcfg-'));
    try {
      const file = join(dir, 'nested', 'playground.yml');
      writePlaygroundConfig(file);
      const text = readFileSync(file, 'utf8');
      assert.equal(text, playgroundConfigYaml(config));
      assert.match(text, /^version: "0\.1\.1"$/m);
      assert.match(text, /^ {2}- id: "29:groupbot-bob"$/m);
      assert.match(text, /^ {4}userPrincipleName: "ana@contoso\.com"$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('with the real Agents Playground', function () {
    this.timeout(40000);
    let dir: string;
    let playground: RunningPlayground | undefined;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'groupbot-pgcfg-'));
      const file = join(dir, 'playground.yml');
      writePlaygroundConfig(file);
      // No bot is needed to load a config; the endpoint is a closed loopback port.
      playground = await startPlayground({
        botEndpoint: 'http://127.0.0.1:9/api/messages',
        configPath: file,
        logDir: dir,
      });
    });
    after(async () => {
      await playground?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('accepts the file: listens, answers /_debug/ping and serves exactly our people, bot and chats', async () => {
      const pg = playground as RunningPlayground;
      assert.match(pg.readLog(), new RegExp(`Listening on ${pg.port}`));
      assert.equal(await (await fetch(`${pg.url}/_debug/ping`)).text(), 'pong');
      const served = (await (await fetch(`${pg.url}/_internal/v1/testConfig`)).json()) as {
        config: {
          tenantId: string;
          bot: unknown;
          currentUser: unknown;
          users: unknown[];
          personalChat: { id: string };
          groupChats: { id: string }[];
        };
      };
      assert.equal(served.config.tenantId, DEMO_TENANT_ID);
      assert.deepEqual(served.config.bot, config.bot);
      assert.deepEqual(served.config.currentUser, config.currentUser);
      assert.equal((served.config.currentUser as { aadObjectId: string }).aadObjectId, DEMO_USERS.megan.id);
      assert.deepEqual(served.config.users, config.users);
      assert.equal(served.config.personalChat.id, PLAYGROUND_PERSONAL_CHAT_ID);
      assert.equal(served.config.groupChats[0]?.id, config.groupChat.id);
    });
  });
});
