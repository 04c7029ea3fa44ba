/**
 * `groupbot cloud [--as <upn>] [--no-sso]`: production mode, tried locally in one command. Starts the Graph
 * emulator, a PostgreSQL (DATABASE_URL, else a private cluster under DATA_DIR), the local cloud (Entra, Bot
 * Framework channel keys and token service, a Bot Connector with Teams' behaviour) and `groupbot serve` in
 * PRODUCTION mode against them, then chats in this terminal as a Teams user. Everything binds 127.0.0.1; data
 * persists under DATA_DIR/cloud. Ctrl-C (or "exit") stops everything.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { startEmulator, type RunningEmulator } from '../../graph-emulator';
import { UsageError, parseCommandLine } from '../../graph-emulator/cli/cli-args';
import { startLocalCloud, type LocalCloud } from '../../local-cloud';
import { LineReader } from '../chat/line-reader';
import { CloudChat } from './cloud-chat';
import { childProcessEnv, configForCommand } from '../config';
import { startPrivatePostgres, type PrivatePostgres } from './cloud-postgres';

const USAGE =
  'usage: groupbot cloud [--as <upn>] [--no-sso]\n' +
  '  production mode on this machine: Graph emulator + local cloud + `groupbot serve` + a Teams chat here.\n' +
  '  --as <upn>   the demo user you chat as (default megan@contoso.com, Global Administrator)\n' +
  '  --no-sso     sign in with the sign-in link and magic code instead of Teams SSO';

/** Settings of this shell that must not leak into the bot's production environment. */
const NOT_INHERITED = /^(BOT_|MicrosoftApp|OAUTH_|AAD_|DATABASE_URL$|GRAPH_|DATA_DIR$|PORT$|HOST$|NODE_OPTIONS$)/;

interface Running {
  emulator?: RunningEmulator;
  postgres?: PrivatePostgres;
  cloud?: LocalCloud;
  bot?: ChildProcess;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Starts `groupbot serve` (this same entry point) with `env`; resolves to the process and its endpoint. */
async function startBot(env: NodeJS.ProcessEnv, logFile: string): Promise<{ child: ChildProcess; endpoint: string }> {
  const log = fs.openSync(logFile, 'a');
  // Its own process group: Ctrl-C reaches this command, which stops the bot in order.
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1] as string, 'serve'], {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', log],
  });
  fs.closeSync(log);
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`groupbot serve did not start within 60 s; see ${logFile}`)),
      60_000,
    );
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const m = /groupbot listening on [^:\s]+:(\d+)\/api\/messages/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}/api/messages`);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`groupbot serve exited at start (code ${code}); see ${logFile}`));
    });
  });
  child.stdout?.resume();
  return { child, endpoint };
}

async function stopAll(r: Running): Promise<void> {
  const bot = r.bot;
  if (bot && bot.exitCode === null && bot.signalCode === null && bot.pid !== undefined) {
    const exited = new Promise((resolve) => bot.once('exit', resolve));
    process.kill(-bot.pid, 'SIGTERM');
    const kill = setTimeout(() => bot.pid !== undefined && process.kill(-bot.pid, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(kill);
  }
  await r.cloud?.stop();
  await r.postgres?.stop();
  await r.emulator?.stop();
}

/** Starts the stack, chats until "exit", end of input or Ctrl-C, then stops everything. Resolves to the exit code. */
export async function run(argv: string[]): Promise<number> {
  if (argv[0] === '--help' || argv[0] === '-h') {
    say(USAGE);
    return 0;
  }
  let as: string;
  let sso: boolean;
  try {
    const { options, flags } = parseCommandLine(argv, ['as'], false, ['no-sso']);
    as = options['as'] ?? 'megan@contoso.com';
    sso = flags['no-sso'] !== true;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`groupbot cloud: ${err.message}\n${USAGE}\n`);
    return 2;
  }
  // This shell's DATA_DIR and DATABASE_URL, read by bot/config.ts (its bot settings are not this command's).
  const config = configForCommand('cloud', childProcessEnv({}, /^(BOT_|MicrosoftApp)/));
  if (!config) return 2;
  const base = path.join(config.dataDir, 'cloud');
  fs.mkdirSync(base, { recursive: true });
  const graphDir = path.join(base, 'graph');
  const running: Running = {};
  let interrupted = false;
  let onSignal = (): void => undefined;
  // Resolves on the first Ctrl-C / SIGTERM, whenever it comes (during start-up or while chatting).
  const stopRequested = new Promise<void>((resolve) => {
    onSignal = () => {
      interrupted = true;
      resolve();
    };
  });
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    running.emulator = await startEmulator({ dataDir: graphDir, port: 0 });
    say(`Graph emulator       ${running.emulator.graphUrl}`);
    let databaseUrl = config.databaseUrl;
    if (databaseUrl) say('PostgreSQL           DATABASE_URL');
    else {
      running.postgres = await startPrivatePostgres(path.join(base, 'postgres'));
      databaseUrl = running.postgres.databaseUrl;
      say(`PostgreSQL           private cluster in ${path.join(base, 'postgres')}`);
    }
    running.cloud = await startLocalCloud({ dataDir: path.join(base, 'local-cloud'), graphDataDir: graphDir });
    say(`local cloud          ${running.cloud.urls.base} (Entra, channel keys, token service, Bot Connector)`);
    const env = childProcessEnv({}, NOT_INHERITED);
    Object.assign(env, running.cloud.botEnv({ databaseUrl, graphBaseUrl: running.emulator.graphUrl }), {
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: path.join(base, 'bot'),
      NODE_OPTIONS: `--require ${path.join(__dirname, '..', 'local', 'loopback-preload.cjs')}`,
      // The preload ends the bot when this process is gone (a crash here leaves nothing running).
      GROUPBOT_PLAYGROUND_PARENT: String(process.pid),
    });
    const logFile = path.join(base, 'bot.log');
    const bot = await startBot(env, logFile);
    running.bot = bot.child;
    say(`groupbot serve       ${bot.endpoint} (production mode; log: ${logFile})`);
    if (interrupted) return 130;
    const { teams } = running.cloud;
    let user;
    try {
      user = teams.user(as);
    } catch (err) {
      process.stderr.write(
        `groupbot cloud: ${(err as Error).message}; try one of ${teams
          .users()
          .slice(0, 8)
          .map((u) => u.upn)
          .join(', ')}, …\n`,
      );
      return 1;
    }
    teams.setBotEndpoint(bot.endpoint);
    teams.setBehaviour(user.key, { sso, completesSignIn: true });
    const chat = new CloudChat(teams, user.key, teams.personalConversation(user.key).id, (lines) =>
      say(lines.map((l) => `bot> ${l}`).join('\n')),
    );
    // Installed after the chat starts watching, so the welcome card of a first install is shown.
    if (!teams.isInstalled(user.key)) await teams.install(user.key);
    say(
      `\nIn Teams as ${user.name} <${user.upn}>, 1:1 chat with the bot; sign-in: ${sso ? 'SSO' : 'sign-in link + magic code'}.\n` +
        'Type a request, a number to press a button of the latest card, "exit" or Ctrl-C to stop everything.',
    );
    chat.start();
    await chat.settled(300, 1000, 5000);
    if (!interrupted) await lineLoop(chat, stopRequested);
    chat.stop();
    return 0;
  } catch (err) {
    process.stderr.write(`groupbot cloud: ${(err as Error).message}\n`);
    return 1;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    say('Stopping…');
    await stopAll(running);
  }
}

/** Reads lines until "exit", end of input or Ctrl-C: text is sent, a number presses a button of the latest card. */
async function lineLoop(chat: CloudChat, stopRequested: Promise<void>): Promise<void> {
  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY === true,
    prompt: 'you> ',
  });
  // On a terminal readline takes Ctrl-C itself; otherwise the signal handlers of `run` resolve stopRequested.
  rl.on('SIGINT', () => rl.close());
  void stopRequested.then(() => rl.close());
  // Piped input may end (closing rl) while a turn still runs; Node 24 throws on prompt() after close.
  let closed = false;
  rl.once('close', () => {
    closed = true;
  });
  const reader = new LineReader();
  rl.prompt();
  try {
    for await (const raw of rl) {
      const step = reader.read(raw, chat.currentActions());
      if (step.kind === 'exit') break;
      if (step.kind === 'ask') {
        process.stdout.write(step.prompt);
        continue;
      }
      try {
        if (step.kind === 'click') await chat.click(step.button, step.values);
        else if (step.kind === 'say') await chat.say(step.text);
      } catch (err) {
        reader.reset();
        say(`(${(err as Error).message})`);
      }
      // The prompt comes back once the bot has been quiet for a moment (answers, sign-in, follow-ups).
      await chat.settled(800, 8000, 30_000);
      if (!closed) rl.prompt();
    }
  } finally {
    rl.close();
  }
}
