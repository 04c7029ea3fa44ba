/**
 * A minimal teams-ai bot for the Teams client tests, run as a child process that trusts the local CA: a real
 * TeamsAdapter (CloudAdapter, JWT validation, MSAL through MsalServiceClientCredentialsFactory) and teams-ai's
 * OAuth with SSO (tokenExchangeUri, enableSso) on the local token service. Prints `{ready, port}` when listening.
 *
 * - conversationUpdate (bot added) → "welcome"; installationUpdate → "installed:<action>"
 * - "whoami" (signs in first) → "you are <upn>"; after a sign-in completes → "signed in as <upn>"
 * - "card" → an Adaptive Card with Action.Execute `approve` and `refresh` for the sender
 * - Action.Execute `approve` / `refresh` (signs in first) → a card naming the signed-in user
 */
import * as restify from 'restify';
import { MemoryStorage, type TurnContext } from 'botbuilder';
import { Application, TeamsAdapter, type AdaptiveCard, type TurnState } from '@microsoft/teams-ai';
import { botFrameworkConfig, credentialsFactory } from './bot-auth-from-env';

const env = process.env;
const adapter = new TeamsAdapter(botFrameworkConfig(env), credentialsFactory(env));
const app = new Application<TurnState>({
  adapter,
  botAppId: env.BOT_ID as string,
  storage: new MemoryStorage(),
  authentication: {
    settings: {
      graph: {
        connectionName: env.OAUTH_CONNECTION_NAME as string,
        title: 'Sign in',
        text: 'Sign in to use groupbot',
        tokenExchangeUri: env.AAD_APP_ID_URI as string,
        enableSso: true,
      },
    },
    // teams-ai 1.7.4 routes signin/tokenExchange and signin/verifyState to the prompt only when this selector
    // says yes for them too (it never marks a user as "in a sign-in flow"); without it they answer 501.
    autoSignIn: (ctx: TurnContext) =>
      Promise.resolve(
        (ctx.activity.type === 'message' && /whoami/.test(ctx.activity.text ?? '')) ||
          ctx.activity.name === 'adaptiveCard/action' ||
          (ctx.activity.name ?? '').startsWith('signin/'),
      ),
  },
});

function upnOf(token: string | undefined): string {
  if (!token) return 'nobody';
  const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { upn?: string };
  return claims.upn ?? 'unknown';
}

function card(text: string, userId: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [{ type: 'TextBlock', text }],
    actions: [{ type: 'Action.Execute', title: 'Approve', verb: 'approve', data: {} }],
    refresh: { action: { type: 'Action.Execute', verb: 'refresh', data: {} }, userIds: [userId] },
  };
}

app.conversationUpdate('membersAdded', async (ctx) => {
  await ctx.sendActivity('welcome');
});
app.activity('installationUpdate', async (ctx) => {
  await ctx.sendActivity(`installed:${String(ctx.activity.action)}`);
});
app.message(/whoami/, async (ctx, state) => {
  await ctx.sendActivity(`you are ${upnOf(state.temp.authTokens.graph)}`);
});
app.message(/card/, async (ctx) => {
  await ctx.sendActivity({
    attachments: [
      { contentType: 'application/vnd.microsoft.card.adaptive', content: card('pending', ctx.activity.from.id) },
    ],
  });
});
app.authentication.get('graph').onUserSignInSuccess(async (ctx, state) => {
  await ctx.sendActivity(`signed in as ${upnOf(state.temp.authTokens.graph)}`);
});
for (const verb of ['approve', 'refresh'])
  app.adaptiveCards.actionExecute(verb, (ctx, state) =>
    Promise.resolve(card(`${verb} by ${upnOf(state.temp.authTokens.graph)}`, ctx.activity.from.id)),
  );

const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, async (context) => {
    await app.run(context);
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ ready: true, port: server.address().port })}\n`);
});
process.stdin.on('end', () => {
  server.close();
  process.exit(0);
});
process.stdin.resume();
