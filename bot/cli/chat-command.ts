import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { configForCommand } from '../config';
import { createLogger } from '../log';
import { graphDataDir, readRunningRuntime, startLocal } from '../local/local-runtime';
import { LocalIdentity } from '../local/local-identity';
import { LocalTokenSource } from '../teams/user-tokens';
import { historyPollSecondsFrom, startHistoryPoller } from '../history/history-poller';
import { TerminalSession, type ShownMessage } from '../chat/terminal-session';
import type { RenderedAction, RenderedInput } from '../../cards';
import { PlaygroundChat } from '../chat/playground-chat';
import type { GraphEndpoint } from '../directory/graph-client';
import { UsageError, parseCommandLine } from '../../graph-emulator/cli/cli-args';
import { openBotStore } from '../runtime';
import type { Store } from '../store';

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
 * `groupbot chat [--as <upn>]`: a terminal chat with the same bot. Uses the running local stack's Graph
 * emulator when `npm start` is up on the same DATA_DIR, otherwise starts one in this process. Type a number
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
    await lineLoop(remote);
    chat.close();
    return 0;
  }
  let graph: GraphEndpoint;
  let stop = async (): Promise<void> => undefined;
  let store: Store | undefined;
  if (running) {
    graph = { baseUrl: new URL(running.emulatorUrl).origin, caPem: fs.readFileSync(running.caCertPath, 'utf8') };
    if (running.playgroundUrl) {
      process.stdout.write(
        '`npm start` runs on this DATA_DIR and holds its store: add --group to chat through it (requests, approvals, lists and Undo).\n',
      );
    }
  } else {
    const local = await startLocal({ ...config, graphEmulatorPort: 0 }, log, { botless: true });
    graph = { baseUrl: local.emulator.baseUrl, caPem: local.emulator.caPem };
    try {
      store = await openBotStore(config);
    } catch (err) {
      process.stdout.write(`(requests and history are off: the store did not open: ${(err as Error).message})\n`);
    }
    const opened = store;
    stop = async () => {
      await opened?.close();
      await local.stop();
    };
  }
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
    store ? { store, tokenForUser } : {},
  );
  // Watched groups are followed while the chat runs, as `npm start` does (docs/history.md).
  const stopHistory = store
    ? startHistoryPoller({
        store,
        graph,
        log,
        everySeconds: historyPollSecondsFrom(process.env),
        tokenForUser,
      })
    : async () => undefined;
  process.stdout.write(
    `Chatting as ${user.displayName} <${user.upn}>. Type "help" for examples, a number to press a button, "exit" to quit.\n`,
  );
  await lineLoop(session);
  await stopHistory();
  await stop();
  return 0;
}

/** Reads lines until "exit" or end of input: text is said, a number presses a button of the latest card. */
async function lineLoop(session: ChatLike): Promise<void> {
  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY === true,
    prompt: 'you> ',
  });
  // A button on a card with inputs: the next lines answer its inputs one by one (empty keeps the shown value),
  // then the button is pressed. Read from the same line loop, so piped input works as typed input does.
  let filling: { button: number; inputs: RenderedInput[]; values: Record<string, string> } | undefined;
  const promptFor = (input: RenderedInput): void => {
    const choices = input.choices?.length ? ` (${input.choices.map((c) => c.value).join(' / ')})` : '';
    process.stdout.write(`  ${input.label}${choices}${input.value ? ` [${input.value}]` : ''}: `);
  };
  // Piped input may end (closing rl) while a turn still runs; Node 24 throws on prompt() after close.
  let closed = false;
  rl.once('close', () => {
    closed = true;
  });
  rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    try {
      if (filling) {
        const input = filling.inputs[Object.keys(filling.values).length] as RenderedInput;
        filling.values[input.id] = line || input.value || '';
        const next = filling.inputs[Object.keys(filling.values).length];
        if (next) {
          promptFor(next);
          continue;
        }
        const { button, values } = filling;
        filling = undefined;
        print(await session.click(button, values));
      } else if (line === 'exit' || line === 'quit') {
        break;
      } else if (/^\d+$/.test(line) && session.currentActions()) {
        const current = session.currentActions();
        const action = current?.actions.find((a) => a.number === Number(line));
        const inputs = action?.usesInputs ? (current?.inputs ?? []) : [];
        if (inputs[0]) {
          filling = { button: Number(line), inputs, values: {} };
          promptFor(inputs[0]);
          continue;
        }
        print(await session.click(Number(line)));
      } else if (line) {
        print(await session.say(line));
      }
    } catch (err) {
      filling = undefined;
      process.stdout.write(`bot> ${(err as Error).message}\n`);
    }
    if (!closed) rl.prompt();
  }
  rl.close();
}
