/** The client's handling of buffered pushes, against a fake Playground that flushes a stale backlog. */
import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import { WebSocketServer } from 'ws';
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
        socket.once('message', () => {
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
});
