/**
 * The client's handling of buffered pushes, against a fake Playground that flushes a stale backlog; and its record
 * of what the bot showed (for the e2e card scan).
 */
import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { shownByBot } from './card-scan-collector';
import { PlaygroundClient } from './playground-client';

const BOT = { id: '28:bot', name: 'bot' };
const CONFIG = {
  config: {
    tenantId: 't',
    bot: BOT,
    currentUser: { id: 'u0', name: 'Megan Bowen', aadObjectId: 'a0', userPrincipleName: 'megan@contoso.com' },
    users: [],
    personalChat: { id: 'pc' },
    groupChats: [{ id: 'gc' }],
    teams: [{ id: 'team', channels: [] }],
  },
};

function push(text: string, timestamp: number): string {
  return JSON.stringify({
    action: 'createMessage',
    actionConversationId: 'pc',
    message: { messageId: String(timestamp), timestamp, from: { id: BOT.id }, text, attachments: [] },
  });
}

describe('PlaygroundClient draining (fake Playground)', () => {
  let server: Server;
  let url: string;
  let lateFlushed: Promise<void>;

  before(async () => {
    server = createServer((req, res) => {
      res.writeHead(req.url === '/_internal/v1/testConfig' ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(CONFIG));
    });
    const wss = new WebSocketServer({ server, path: '/_ws_conversation/v1/conversations/stream' });
    lateFlushed = new Promise((resolve) => {
      wss.on('connection', (socket) => {
        const old = Date.now() - 60000;
        socket.send(push('buffered early', old)); // inside the drain window
        socket.on('message', (data: Buffer) => {
          if (data.toString() === 'cards') {
            // A card update by the bot showing an id (and one in its button data), and a member's message with an id.
            const card = {
              type: 'AdaptiveCard',
              body: [{ type: 'TextBlock', text: 'Removed 0c1d2e3f-1111-4222-8333-444455556666 from Sales' }],
              actions: [
                { type: 'Action.Execute', title: 'Undo', data: { id: 'aaaaaaaa-1111-4222-8333-444455556666' } },
              ],
            };
            const attachments = [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }];
            const at = Date.now() + 1000;
            socket.send(
              JSON.stringify({
                action: 'updateMessage',
                actionConversationId: 'pc',
                message: { messageId: 'scan-1', timestamp: at, from: { id: BOT.id }, attachments },
              }),
            );
            socket.send(
              JSON.stringify({
                action: 'createMessage',
                actionConversationId: 'pc',
                message: {
                  messageId: 'scan-2',
                  timestamp: at,
                  from: { id: 'u0' },
                  text: 'bbbbbbbb-1111-4222-8333-444455556666',
                },
              }),
            );
            return;
          }
          // Sent only once the client is past its drain window (it pings us after connect): a late flush.
          socket.send(push('buffered late', old + 1));
          socket.send(push('live reply', Date.now() + 1000));
          resolve();
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('drops what is flushed in the drain window and later messages stamped before the stream opened', async () => {
    const client = await PlaygroundClient.connect(url, { drainMs: 100 });
    try {
      assert.equal(client.drained, 1);
      (client as unknown as { ws: { send(s: string): void } }).ws.send('go');
      await lateFlushed;
      const reply = await client.waitForBot('pc', { timeoutMs: 5000 });
      assert.equal(reply.message.text, 'live reply');
      assert.equal(client.drained, 2);
      assert.deepEqual(
        client.messages().map((p) => p.message.text),
        ['live reply'],
      );
    } finally {
      await client.close();
    }
  });

  it("records the bot's card updates for the card scan (with what leaked), not the members' messages", async () => {
    const client = await PlaygroundClient.connect(url, { drainMs: 50 });
    try {
      (client as unknown as { ws: { send(s: string): void } }).ws.send('cards');
      await client.waitForBot('pc', { timeoutMs: 5000, where: (p) => p.message.messageId === 'scan-1' });
      await new Promise((r) => setTimeout(r, 100)); // the member's message, sent right after, has arrived too
      const mine = shownByBot.scanned.filter((s) => /scan-\d/.test(s.source));
      assert.deepEqual(
        mine.map((s) => [s.kind, s.source, s.leaks]),
        [
          [
            'card',
            'updateMessage scan-1 in pc',
            [
              'object id 0c1d2e3f-1111-4222-8333-444455556666 in: Removed 0c1d2e3f-1111-4222-8333-444455556666 from Sales',
            ],
          ],
        ],
      );
    } finally {
      await client.close();
    }
  });
});
