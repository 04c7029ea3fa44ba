/**
 * A plain botbuilder 4.23 CloudAdapter + restify 12 echo bot on 127.0.0.1 with no app id: the reference bot
 * for the Playground drivers' own tests and the baseline of the bot benchmark.
 * - text "card" → an Adaptive Card 1.5 with an Action.Execute button (verb "echoClick") and an Input.Text;
 * - other text → "Echo: <text>" (a bot @mention is removed first);
 * - Action.Submit (a message with a value) → "Submitted: <value as JSON>";
 * - adaptiveCard/action invoke → an updated card naming the verb, the clicker and their aadObjectId.
 */
import * as restify from 'restify';
import {
  ActivityTypes,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TurnContext,
  type InvokeResponse,
} from 'botbuilder';

export interface EchoBot {
  port: number;
  /** http://127.0.0.1:<port>/api/messages */
  endpoint: string;
  /** How many turns the bot has finished (replies sent), for tests that must know a reply exists. */
  turns(): number;
  stop(): Promise<void>;
}

/** The card sent for "card". `inputId` holds an Input.Text the Execute button carries. */
export function echoCard(): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Echo card', weight: 'Bolder', size: 'Medium' },
      { type: 'Input.Text', id: 'note', placeholder: 'Type a note' },
    ],
    actions: [
      { type: 'Action.Execute', title: 'Click me', verb: 'echoClick', data: { source: 'echo-card' } },
      { type: 'Action.Submit', title: 'Submit me', data: { source: 'echo-submit' } },
    ],
  };
}

function updatedCard(verb: string, who: string, aadObjectId: string, data: unknown): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: `Clicked ${verb} by ${who}`, weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: `aadObjectId ${aadObjectId || 'none'}`, wrap: true },
      { type: 'TextBlock', text: `data ${JSON.stringify(data)}`, wrap: true },
    ],
  };
}

async function onTurn(context: TurnContext): Promise<void> {
  const activity = context.activity;
  if (activity.type === ActivityTypes.Invoke && activity.name === 'adaptiveCard/action') {
    const action = (activity.value ?? {}) as { action?: { verb?: string; data?: unknown } };
    const body = {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: updatedCard(
        action.action?.verb ?? '',
        activity.from?.name ?? '',
        activity.from?.aadObjectId ?? '',
        action.action?.data ?? null,
      ),
    };
    const response: InvokeResponse = { status: 200, body };
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: response });
    return;
  }
  if (activity.type !== ActivityTypes.Message) return;
  if (activity.value !== undefined && activity.value !== null && !activity.text) {
    await context.sendActivity(`Submitted: ${JSON.stringify(activity.value)}`);
    return;
  }
  const text = TurnContext.removeRecipientMention(activity)?.trim() ?? activity.text?.trim() ?? '';
  if (text.toLowerCase() === 'card') {
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(echoCard())] });
    return;
  }
  await context.sendActivity(`Echo: ${text}`);
}

/**
 * Starts the echo bot on 127.0.0.1. `port` 0 (the default) picks a free port.
 * @throws Error when the port cannot be bound.
 */
export async function startEchoBot(opts: { port?: number } = {}): Promise<EchoBot> {
  // No MicrosoftAppId: the anonymous adapter neither checks incoming tokens nor sends any.
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  adapter.onTurnError = async (context, error) => {
    process.stderr.write(`echo bot: turn error: ${error.message}\n`);
    await context.sendActivity('The echo bot hit an error.');
  };
  const server = restify.createServer({ name: 'echo-bot' });
  server.use(restify.plugins.bodyParser());
  let turns = 0;
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
      await onTurn(context);
      turns++;
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = address.port;
  return {
    port,
    endpoint: `http://127.0.0.1:${port}/api/messages`,
    turns: () => turns,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}
