import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { configForCommand } from '../config';
import { createLogger } from '../log';
import { graphDataDir, readRunningRuntime, startLocal } from '../local/local-runtime';
import { LocalIdentity } from '../local/local-identity';
import { LocalTokenSource } from '../teams/user-tokens';
import { TerminalSession, type ShownMessage } from '../chat/terminal-session';
import type { RenderedInput } from '../../cards';
import type { GraphEndpoint } from '../directory/graph-client';

import { UsageError, parseOptions } from '../../graph-emulator/cli/cli-args';
const USAGE = 'usage: groupbot chat [--as <upn>]   (default user: megan@contoso.com, Global Administrator)';

function parseArgs(argv: string[]): { as: string } | string {
  try {
    return { as: parseOptions(argv, ['as']).as ?? 'megan@contoso.com' };
  } catch (err) {
    if (err instanceof UsageError) return err.message;
    throw err;
  }
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
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`groupbot chat: ${args}\n${USAGE}\n`);
    return 2;
  }
  const config = configForCommand('chat');
  if (!config) return 2;
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const running = readRunningRuntime(config);
  let graph: GraphEndpoint;
  let stop = async (): Promise<void> => undefined;
  if (running) {
    graph = { baseUrl: new URL(running.emulatorUrl).origin, caPem: fs.readFileSync(running.caCertPath, 'utf8') };
  } else {
    const local = await startLocal({ ...config, graphEmulatorPort: 0 }, log, { botless: true });
    graph = { baseUrl: local.emulator.baseUrl, caPem: local.emulator.caPem };
    stop = local.stop;
  }
  const identity = new LocalIdentity(graphDataDir(config));
  const user = identity.find(args.as);
  if (!user) {
    await stop();
    process.stderr.write(`groupbot chat: there is no user '${args.as}' in the local directory.\n`);
    return 1;
  }
  const session = new TerminalSession({ id: user.id, upn: user.upn, displayName: user.displayName }, graph, new LocalTokenSource((id) => identity.tokenFor(id)), log, print);
  process.stdout.write(`Chatting as ${user.displayName} <${user.upn}>. Type "help" for examples, a number to press a button, "exit" to quit.\n`);
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true, prompt: 'you> ' });
  // A button on a card with inputs: the next lines answer its inputs one by one (empty keeps the shown value),
  // then the button is pressed. Read from the same line loop, so piped input works as typed input does.
  let filling: { button: number; inputs: RenderedInput[]; values: Record<string, string> } | undefined;
  const promptFor = (input: RenderedInput): void => {
    const choices = input.choices?.length ? ` (${input.choices.map((c) => c.value).join(' / ')})` : '';
    process.stdout.write(`  ${input.label}${choices}${input.value ? ` [${input.value}]` : ''}: `);
  };
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
        const inputs = action?.usesInputs ? current?.inputs ?? [] : [];
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
    rl.prompt();
  }
  rl.close();
  await stop();
  return 0;
}
