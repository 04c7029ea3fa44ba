/**
 * Proves the browser harness: headless Chromium drives the real Agents Playground UI against the echo bot,
 * in the personal chat (text, card, Action.Execute) and the group chat (@mention). Screenshots of every step
 * go to the run folder printed at start.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLAYGROUND_BOT_NAME, writePlaygroundConfig } from '../../bot/local/playground-config';
import { startEchoBot, type EchoBot } from '../support/echo-bot';
import { startPlayground, type RunningPlayground } from '../support/playground-launcher';
import { PlaygroundBrowser } from './support/browser';

describe('e2e: Agents Playground UI with the echo bot', function () {
  let dir: string;
  let bot: EchoBot;
  let playground: RunningPlayground;
  let browser: PlaygroundBrowser;

  before(async () => {
    const t0 = Date.now();
    const mark = (what: string): void => {
      process.stdout.write(`      ${what} +${Date.now() - t0} ms\n`);
    };
    dir = mkdtempSync(join(tmpdir(), 'groupbot-e2e-echo-'));
    bot = await startEchoBot();
    const configPath = join(dir, 'playground.yml');
    writePlaygroundConfig(configPath);
    playground = await startPlayground({ botEndpoint: bot.endpoint, configPath, logDir: dir });
    mark('playground up');
    browser = await PlaygroundBrowser.launch('echo');
    mark('chromium up');
    await browser.open(playground.url);
    mark('UI ready');
  });
  after(async () => {
    await browser?.close();
    await playground?.stop();
    await bot?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the demo admin as the signed-in user', async () => {
    await browser.page.getByText('Megan Bowen').first().waitFor({ state: 'visible' });
    assert.ok(statSync(await browser.screenshot('loaded')).size > 0);
  });

  it('echoes text typed in the personal chat', async () => {
    await browser.pickChat('Personal Chat');
    await browser.send('hello from chromium');
    const reply = await browser.waitForParagraph({ text: 'Echo: hello from chromium' });
    assert.equal((await reply.innerText()).trim(), 'Echo: hello from chromium');
    await browser.screenshot('personal-echo');
  });

  it('renders a card and replaces it when its Action.Execute button is clicked', async () => {
    await browser.send('card');
    const card = await browser.waitForCard({ text: 'Echo card' });
    assert.ok(await card.getByRole('button', { name: 'Click me' }).isVisible());
    await browser.fillCardInput('Echo card', 'Type a note', 'from the browser');
    await browser.screenshot('card');
    await browser.clickCardButton('Echo card', 'Click me');
    const updated = await browser.waitForCard({ text: 'Clicked echoClick by Megan Bowen' });
    assert.match(await updated.innerText(), /from the browser/);
    await browser.screenshot('card-updated');
  });

  it('reaches the bot in the group chat through an @mention', async () => {
    await browser.pickChat(/Group requests/);
    await browser.sendMentioning(PLAYGROUND_BOT_NAME, 'hello group');
    await browser.waitForParagraph({ text: 'Echo: hello group' });
    await browser.screenshot('group-echo');
  });

  it("aborted the UI's off-loopback requests (web fonts) and no loopback one", () => {
    assert.ok(
      browser.blocked.some((url) => url.startsWith('https://res-1.cdn.office.net/')),
      browser.blocked.join('\n'),
    );
    for (const url of browser.blocked) assert.doesNotMatch(url, /^https?:\/\/(localhost|127\.0\.0\.1)[:/]/);
  });
});
