/**
 * Headless Debian Chromium driven by playwright-core through the Agents Playground's web UI. Every request that
 * is not to 127.0.0.1/localhost is aborted, so nothing leaves loopback. Screenshots go to a run folder that is
 * printed once per process (test-output/e2e/<timestamp>/, or E2E_RUN_DIR).
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags measured to work headless here (docs/local-mode.md, Browser), background traffic off. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--metrics-recording-only',
  '--no-default-browser-check',
];

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

let runDir: string | undefined;

/** The screenshot folder of this test run, created and printed on first use. Throws on file-system errors. */
export function e2eRunDir(): string {
  if (!runDir) {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    runDir = resolve(process.env.E2E_RUN_DIR ?? join(__dirname, '..', '..', '..', 'test-output', 'e2e', stamp));
    mkdirSync(runDir, { recursive: true });
    process.stdout.write(`e2e screenshots: ${relative(process.cwd(), runDir) || runDir}\n`);
  }
  return runDir;
}

export interface TextMatch {
  text: string | RegExp;
  timeoutMs?: number;
}

/** One browser (persistent context with a throwaway profile) on the Playground UI. */
export class PlaygroundBrowser {
  private shots = 0;
  /** Requests that were aborted because they left loopback (e.g. the UI's web fonts). */
  readonly blocked: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly screenshotDir: string,
  ) {}

  /**
   * Launches Chromium headless with loopback-only routing. `suite` names the screenshot sub-folder.
   * @throws Error when Chromium is missing (install Debian's `chromium`) or does not start.
   */
  static async launch(suite: string): Promise<PlaygroundBrowser> {
    const profile = mkdtempSync(join(tmpdir(), 'groupbot-chromium-'));
    let context: BrowserContext;
    try {
      context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1400, height: 900 },
      });
    } catch (err) {
      throw new Error(
        `cannot start Chromium at ${CHROMIUM_PATH} (apt-get install chromium): ${(err as Error).message.split('\n')[0]}`,
      );
    }
    const dir = join(e2eRunDir(), suite.replace(/[^A-Za-z0-9._-]+/g, '-'));
    mkdirSync(dir, { recursive: true });
    const page = context.pages()[0] ?? (await context.newPage());
    const session = new PlaygroundBrowser(context, page, dir);
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      let host = '';
      try {
        host = new URL(url).hostname;
      } catch (err) {
        session.blocked.push(`${url} (${(err as Error).message})`);
      }
      if (LOOPBACK.has(host) || url.startsWith('data:') || url.startsWith('blob:')) await route.continue();
      else {
        session.blocked.push(url);
        await route.abort();
      }
    });
    return session;
  }

  /**
   * Opens the Playground UI and waits until the chat list is shown.
   * @throws playwright TimeoutError when the UI does not load in 30 s.
   */
  async open(playgroundUrl: string): Promise<void> {
    await this.page.goto(playgroundUrl, { waitUntil: 'domcontentloaded' });
    await this.page.getByRole('treeitem').first().waitFor({ state: 'visible', timeout: 30000 });
  }

  /** Hides the Playground's log panel (the chat gets its width; cleaner screenshots). No-op when already hidden. */
  async hideLogPanel(): Promise<void> {
    const hide = this.page.getByTitle('Hide log panel');
    if (await hide.count()) await hide.first().click();
  }

  /** Selects a chat in the left tree: 'Personal Chat', the group chat's name, '<team> - General'... */
  async pickChat(name: string | RegExp): Promise<void> {
    await this.page.getByRole('treeitem', { name }).first().click();
  }

  /** The compose box (a Lexical editor). */
  composer(): Locator {
    return this.page.locator('[contenteditable="true"][role="textbox"]').first();
  }

  /** Types `text` in the compose box and presses Enter. */
  async send(text: string): Promise<void> {
    const box = this.composer();
    await box.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /**
   * In a group chat or channel: types `@<bot name>`, picks the bot from the mention suggestions (so the message
   * carries a real mention and reaches the bot), then types `text` and presses Enter.
   * @throws playwright TimeoutError when no suggestion for the bot appears.
   */
  async sendMentioning(botName: string, text: string): Promise<void> {
    const box = this.composer();
    await box.click();
    await this.page.keyboard.type(`@${botName.slice(0, Math.max(3, botName.length - 1))}`);
    await this.page.getByRole('menuitem', { name: botName }).first().click({ timeout: 10000 });
    await this.page.keyboard.type(` ${text}`);
    await this.page.keyboard.press('Enter');
  }

  /**
   * Waits for a message paragraph containing `text` (the paragraph role avoids the chat-list preview and the
   * log panel, which repeat the same text). Resolves to its locator.
   * @throws playwright TimeoutError after `timeoutMs` (default 15 s).
   */
  async waitForParagraph({ text, timeoutMs = 15000 }: TextMatch): Promise<Locator> {
    const found = this.page.getByRole('paragraph').filter({ hasText: text }).last();
    await found.waitFor({ state: 'visible', timeout: timeoutMs });
    return found;
  }

  /**
   * Waits for a rendered Adaptive Card containing `text`; resolves to the card's locator.
   * @throws playwright TimeoutError after `timeoutMs` (default 15 s).
   */
  async waitForCard({ text, timeoutMs = 15000 }: TextMatch): Promise<Locator> {
    const card = this.page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
    await card.waitFor({ state: 'visible', timeout: timeoutMs });
    return card;
  }

  /**
   * Waits until no rendered card contains `text` any more (e.g. a card the bot replaced after a click).
   * @throws playwright TimeoutError after `timeoutMs` (default 15 s).
   */
  async waitForCardGone({ text, timeoutMs = 15000 }: TextMatch): Promise<void> {
    await this.page
      .locator('.ac-adaptiveCard')
      .filter({ hasText: text })
      .last()
      .waitFor({ state: 'detached', timeout: timeoutMs });
  }

  /** Clicks the button named `button` on the last card containing `cardText`. */
  async clickCardButton(cardText: string | RegExp, button: string | RegExp): Promise<void> {
    const card = await this.waitForCard({ text: cardText });
    await card.getByRole('button', { name: button }).first().click();
  }

  /** Fills an Input.Text of the last card containing `cardText`, found by its placeholder. */
  async fillCardInput(cardText: string | RegExp, placeholder: string, value: string): Promise<void> {
    const card = await this.waitForCard({ text: cardText });
    await card.getByPlaceholder(placeholder).fill(value);
  }

  /** Saves a full-page screenshot as NN-<step>.png in this suite's run folder; resolves to its path. */
  async screenshot(step: string): Promise<string> {
    this.shots++;
    const file = join(
      this.screenshotDir,
      `${String(this.shots).padStart(2, '0')}-${step.replace(/[^A-Za-z0-9._-]+/g, '-')}.png`,
    );
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  /** Closes the browser. Never throws. */
  async close(): Promise<void> {
    await this.context.close().catch((err: unknown) => {
      process.stderr.write(`closing Chromium failed: ${(err as Error).message}\n`);
    });
  }
}
