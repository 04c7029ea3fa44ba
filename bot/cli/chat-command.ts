import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { configForCommand, type BotConfig } from '../config';
import { createLogger, setProcessLogger } from '../log';
import { graphDataDir, readRunningRuntime, startLocal, type RuntimeInfo } from '../local/local-runtime';
import { LocalIdentity } from '../local/local-identity';
import { LocalTokenSource } from '../teams/user-tokens';
import { startHistoryPoller } from '../history/history-poller';
import { TerminalSession, type ShownMessage } from '../chat/terminal-session';
import { LineReader } from '../chat/line-reader';
import type { RenderedAction, RenderedInput } from '../../cards';
import { PlaygroundChat } from '../chat/playground-chat';
import { BotEndpointChat } from '../chat/bot-endpoint-chat';
import { isUnreachable, StackStoppedError, stackStoppedText } from '../chat/stack-stopped';
import type { GraphEndpoint } from '../directory/graph-client';
import { UsageError, parseCommandLine } from '../../graph-emulator/cli/cli-args';
import { openBotStore } from '../runtime';
import { openStore, type Store } from '../store';

const USAGE =
  'usage: groupbot chat [--as <upn>] [--group]   (default user: megan@contoso.com, Global Administrator;\n' +
  '       --group joins the group chat of the Agents Playground that `npm start` runs on the same DATA_DIR)';

function parseArgs(argv: string[]): { as: string; group: boolean } | string {
  try {
    const { options, flags } = parseCommandLine(argv, ['as'], false, ['group']);
    return { as: options['as'] ?? 'megan@contoso.com', group: flags['group'] === true };
  } catch (err) {
    if (err instanceof UsageError) return err.message;
    throw err;
  }
}

/** What the line loop talks to: the in-process chat, or the Playground's group chat. */
interface ChatLike {
  say(text: string): Promise<ShownMessage[]>;
  click(n: number, inputs?: Record<string, string>): Promise<ShownMessage[]>;
  currentActions(): { actions: RenderedAction[]; inputs: RenderedInput[] } | undefined;
}

function print(shown: ShownMessage[]): void {
  for (const m of shown) {
    const lines = [m.updated ? '(card updated)' : '', m.text].filter(Boolean);
    process.stdout.write(lines.map((l) => `bot> ${l}`).join('\n') + '\n');
  }
}

/**
 * `groupbot chat [--as <upn>]`: a terminal chat with the same bot. When `npm start` is up on the same DATA_DIR, a 1:1
 * chat with that process's bot, which holds the store; otherwise an emulator and the bot in this process. Type a number
 * to press that button of the latest card; the chat asks for the card's inputs first. "exit" or Ctrl-D quits.
 */
export async function run(argv: string[]): Promise<number> {
  if (argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`groupbot chat: ${args}\n${USAGE}\n`);
    return 2;
  }
  const config = configForCommand('chat');
  if (!config) return 2;
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  setProcessLogger(log);
  const running = readRunningRuntime(config);
  if (args.group) {
    if (!running?.playgroundUrl) {
      process.stderr.write(
        `groupbot chat --group: no Agents Playground runs on DATA_DIR ${config.dataDir}. Start it first with \`npm start\` (same DATA_DIR), then run this again.\n`,
      );
      return 1;
    }
    let chat: PlaygroundChat;
    try {
      chat = await PlaygroundChat.join(running.playgroundUrl, args.as, print);
    } catch (err) {
      process.stderr.write(`groupbot chat: ${(err as Error).message}\n`);
      return 1;
    }
    process.stdout.write(
      `In the Playground's group chat as ${chat.person.name} <${chat.person.userPrincipleName}>, with the bot of \`npm start\` (${running.playgroundUrl}).\n` +
        'Everyone in the browser sees the bot\'s answers. Type a request, a number to press a button of the latest card, "exit" to leave.\n',
    );
    const remote: ChatLike = {
      say: async (text) => {
        await chat.say(text);
        return [];
      },
      click: (n, inputs) => chat.click(n, inputs),
      currentActions: () => chat.currentActions(),
    };
    // The stream closes the moment `npm start` stops: say so then, even while nobody types.
    const ended = await lineLoop(remote, (end) => {
      chat.onStopped = end;
    });
    chat.close();
    return ended === 'stopped' ? 1 : 0;
  }
  if (running?.botEndpoint) return chatThroughRunningBot(running, graphDataDir(config), args.as);
  let graph: GraphEndpoint;
  let stopLocal = async (): Promise<void> => undefined;
  if (running) {
    graph = {
      baseUrl: new URL(running.emulatorUrl).origin,
      caPem: fs.readFileSync(running.caCertPath, 'utf8'),
      ...config.directory,
    };
  } else {
    const local = await startLocal({ ...config, graphEmulatorPort: 0 }, log, { botless: true });
    graph = { baseUrl: local.emulator.baseUrl, caPem: local.emulator.caPem, ...config.directory };
    stopLocal = () => local.stop();
  }
  const store = await chatStore(config, Boolean(running));
  const stop = async (): Promise<void> => {
    await store.close();
    await stopLocal();
  };
  const identity = new LocalIdentity(graphDataDir(config));
  const user = identity.find(args.as);
  if (!user) {
    await stop();
    process.stderr.write(`groupbot chat: there is no user '${args.as}' in the local directory.\n`);
    return 1;
  }
  // A user's token outside their turn (requests, digests, the history poller): undefined for an unknown id.
  const tokenForUser = async (id: string): Promise<string | undefined> =>
    identity.find(id) ? identity.tokenFor(id) : undefined;
  const session = new TerminalSession(
    { id: user.id, upn: user.upn, displayName: user.displayName },
    graph,
    new LocalTokenSource((id) => identity.tokenFor(id)),
    log,
    print,
    { store, tokenForUser, settings: config },
  );
  // Watched groups are followed while the chat runs, as `npm start` does (docs/history.md), with its fallback.
  const stopHistory = startHistoryPoller({
    store,
    graph,
    log,
    everySeconds: config.historyPollSeconds,
    tokenForUser,
    // A watcher's token, else an owner's or an administrator's, as bot/runtime.ts's poller (the session's part).
    background: session.background,
  });
  process.stdout.write(
    `Chatting as ${user.displayName} <${user.upn}>. Type "help" for examples, a number to press a button, "exit" to quit.\n`,
  );
  const ended = await lineLoop(running ? whileRunning(session, running.pid, user.upn) : session);
  await stopHistory();
  await stop();
  return ended === 'stopped' ? 1 : 0;
}

/**
 * The chat's store: the data directory's when this process may open it, otherwise (a stack of `npm start` holds
 * it, or it does not open) PGlite in memory, said on the terminal: requests and history then last for this chat.
 * Throws StoreOpenError when not even the in-memory store opens.
 */
async function chatStore(config: BotConfig, heldElsewhere: boolean): Promise<Store> {
  if (!heldElsewhere) {
    try {
      return await openBotStore(config);
    } catch (err) {
      process.stdout.write(`(the store did not open: ${(err as Error).message}; using one in memory)\n`);
    }
  }
  return openStore({ memory: true });
}

/**
 * The 1:1 chat while `npm start` runs on this DATA_DIR: through that process's bot (its endpoint and secret are in
 * local-runtime.json), which holds the store, so requests, approvals, history and Undo work as in the Playground.
 */
async function chatThroughRunningBot(running: RuntimeInfo, graphDir: string, upn: string): Promise<number> {
  const user = new LocalIdentity(graphDir).find(upn);
  if (!user) {
    process.stderr.write(`groupbot chat: there is no user '${upn}' in the local directory.\n`);
    return 1;
  }
  let chat: BotEndpointChat;
  try {
    const me = { id: user.id, upn: user.upn, displayName: user.displayName };
    chat = await BotEndpointChat.open(running.botEndpoint ?? '', me, print);
  } catch (err) {
    process.stderr.write(`groupbot chat: ${(err as Error).message}\n`);
    return 1;
  }
  process.stdout.write(
    `Chatting as ${user.displayName} <${user.upn}> in a 1:1 chat with the bot of \`npm start\` (its store: requests, approvals, history and Undo).\n` +
      'Type "help" for examples, a number to press a button, "exit" to quit.\n',
  );
  const ended = await lineLoop(whileRunning(chat, running.pid, user.upn));
  await chat.close();
  return ended === 'stopped' ? 1 : 0;
}

/** True while process `pid` runs. Never throws. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The session, checking before and after each line that the `npm start` whose directory it uses still runs: once it
 * has stopped, a StackStoppedError says so (instead of Graph "not answering").
 */
function whileRunning(session: ChatLike, pid: number, upn: string): ChatLike {
  const check = (): void => {
    if (!isRunning(pid)) throw new StackStoppedError(stackStoppedText(pid, upn));
  };
  const guarded = async (run: () => Promise<ShownMessage[]>): Promise<ShownMessage[]> => {
    check();
    let shown: ShownMessage[];
    try {
      shown = await run();
    } catch (err) {
      // The stack stopping mid-line fails the call itself ("fetch failed"): say what happened instead.
      if (isUnreachable(err)) check();
      throw err;
    }
    check();
    return shown;
  };
  return {
    say: (text) => guarded(() => session.say(text)),
    click: (n, inputs) => guarded(() => session.click(n, inputs)),
    currentActions: () => session.currentActions(),
  };
}

/**
 * Reads lines until "exit", end of input or the joined stack stopping: text is said, a number presses a button of
 * the latest card. `watch` receives a function that ends the loop with a sentence (the stack stopped while idle).
 */
async function lineLoop(
  session: ChatLike,
  watch?: (end: (message: string) => void) => void,
): Promise<'done' | 'stopped'> {
  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY === true,
    prompt: 'you> ',
  });
  const state: { ended: 'done' | 'stopped' } = { ended: 'done' };
  const stopped = (message: string): void => {
    if (state.ended === 'stopped') return;
    state.ended = 'stopped';
    process.stdout.write(`\n${message}\n`);
    rl.close();
  };
  watch?.(stopped);
  // Piped input may end (closing rl) while a turn still runs; Node 24 throws on prompt() after close.
  let closed = false;
  rl.once('close', () => {
    closed = true;
  });
  // Buttons with inputs are answered from the same line loop, so piped input works as typed input does.
  const reader = new LineReader();
  rl.prompt();
  for await (const raw of rl) {
    const step = reader.read(raw, session.currentActions());
    if (step.kind === 'exit') break;
    if (step.kind === 'ask') {
      process.stdout.write(step.prompt);
      continue;
    }
    try {
      if (step.kind === 'click') print(await session.click(step.button, step.values));
      else if (step.kind === 'say') print(await session.say(step.text));
    } catch (err) {
      reader.reset();
      if (err instanceof StackStoppedError) {
        stopped(err.message);
        break;
      }
      process.stdout.write(`bot> ${(err as Error).message}\n`);
    }
    if (state.ended === 'stopped') break;
    if (!closed) rl.prompt();
  }
  rl.close();
  return state.ended;
}
