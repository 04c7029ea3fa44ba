/**
 * Benchmark: card clicks on access requests through the real Agents Playground against the real bot in local mode
 * (PGlite store, Graph emulator). Each round Ana files a request in the group chat (a custom activity from her, as
 * `groupbot chat --as ana@contoso.com --group` sends), submits it, and Olga approves or denies on the shared card.
 * Measured: how long each click waits for its answer (Teams wants it within a few seconds; the bot answers "in
 * progress" after 1.5 s), and the time from the decision's click until every recorded copy of the card got its
 * update. Prints p50/p95/max.
 *
 * Run: node bin/run-ts.js bench/request-clicks.ts [--rounds N]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../bot/config';
import { createLogger } from '../bot/log';
import { createGraphClient } from '../bot/directory/graph-client';
import { startLocal } from '../bot/local/local-runtime';
import { buildPlaygroundConfig, playgroundConfigYaml } from '../bot/local/playground-config';
import { DEMO_GROUPS, DEMO_USERS } from '../graph-emulator/seed/demo-tenant';
import { PlaygroundClient, pushText } from '../test/support/playground-client';
import { startPlayground } from '../test/support/playground-launcher';

function stats(values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number): number => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
  return `n=${s.length} p50 ${at(50)} ms, p95 ${at(95)} ms, max ${s.at(-1)} ms`;
}

async function main(): Promise<void> {
  const roundsArg = process.argv.indexOf('--rounds');
  const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 12;
  const dir = mkdtempSync(join(tmpdir(), 'groupbot-bench-clicks-'));
  const config = loadConfig({
    DATA_DIR: join(dir, 'data'),
    PORT: '0',
    GRAPH_EMULATOR_PORT: '0',
    LOG_LEVEL: 'error',
    REQUESTS_SWEEP_SECONDS: '0',
  });
  const local = await startLocal(
    config,
    createLogger('error', () => undefined),
  );
  const configPath = join(dir, 'playground.yml');
  writeFileSync(configPath, playgroundConfigYaml(buildPlaygroundConfig()));
  const playground = await startPlayground({ botEndpoint: local.bot?.endpoint ?? '', configPath, logDir: dir });
  const client = await PlaygroundClient.connect(playground.url);
  const megan = await local.emulator.issueToken(DEMO_USERS.megan.upn);
  const graph = createGraphClient({ baseUrl: local.emulator.baseUrl, caPem: local.emulator.caPem }, async () => megan);
  const group = client.config.groupChatId;
  const ana = client.config.users.find((u) => u.name === 'Ana Silva');
  if (!ana) throw new Error('Ana is not in the Playground config');
  const clicks: Record<string, number[]> = { submit: [], approve: [], deny: [] };
  const everyCopy: Record<string, number[]> = { approve: [], deny: [] };
  const timed = async (kind: string, args: Parameters<PlaygroundClient['invokeExecute']>[0]): Promise<void> => {
    const t0 = Date.now();
    await client.invokeExecute(args);
    clicks[kind]?.push(Date.now() - t0);
  };
  try {
    for (let i = 0; i < rounds; i++) {
      const decision = i % 2 === 0 ? 'approve' : 'deny';
      const template = (await (
        await fetch(
          `${playground.url}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(group)}`,
        )
      ).json()) as Record<string, unknown>;
      await fetch(`${playground.url}/_internal/v1/customActivities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ...template,
          type: 'message',
          text: 'I need access to Finance Readers for the audit',
          from: { id: ana.id, name: ana.name, aadObjectId: ana.aadObjectId },
        }),
      });
      const ask = await client.waitForBot(group, {
        timeoutMs: 30000,
        where: (p) => pushText(p).includes('Ask to join Finance Readers'),
      });
      await timed('submit', {
        conversationId: group,
        replyToId: ask.message.messageId,
        verb: 'requestSubmit',
        as: 'Ana',
        data: { groupId: DEMO_GROUPS.financeReaders.id, justification: `Round ${i}` },
      });
      const approval = await client.waitForBot(group, {
        actions: ['createMessage'],
        timeoutMs: 30000,
        where: (p) => pushText(p).includes('asks to join'),
      });
      const requestId =
        (approval.message.attachments[0]?.content.actions as { data?: { requestId?: string } }[])[0]?.data?.requestId ??
        '';
      const t0 = Date.now();
      await timed(decision, {
        conversationId: group,
        replyToId: approval.message.messageId,
        verb: decision === 'approve' ? 'approvalApprove' : 'approvalDeny',
        data: { requestId, ...(decision === 'deny' ? { reason: 'bench' } : {}) },
        as: 'Olga',
      });
      const headline = decision === 'approve' ? 'Approved by Olga Owner' : 'Denied by Olga Owner';
      for (const copy of (await local.store?.requestCards.listForRequest(requestId)) ?? []) {
        await client.waitForBot(copy.conversationId, {
          actions: ['updateMessage'],
          timeoutMs: 30000,
          where: (p) => p.message.messageId === copy.activityId && pushText(p).includes(headline),
        });
      }
      everyCopy[decision]?.push(Date.now() - t0);
      if (decision === 'approve')
        await graph.api(`/groups/${DEMO_GROUPS.financeReaders.id}/members/${DEMO_USERS.ana.id}/$ref`).delete();
    }
    process.stdout.write(
      `request clicks through the Agents Playground, ${rounds} rounds (${new Date().toISOString()})\n`,
    );
    for (const [kind, values] of Object.entries(clicks))
      process.stdout.write(`  ${kind.padEnd(8)} click answered: ${stats(values)}\n`);
    process.stdout.write(`  all clicks answered: ${stats(Object.values(clicks).flat())}\n`);
    for (const [kind, values] of Object.entries(everyCopy))
      process.stdout.write(`  ${kind.padEnd(8)} click → every copy updated: ${stats(values)}\n`);
  } finally {
    await client.close();
    await playground.stop();
    await local.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => {
    process.exitCode = 0;
  },
  (err: Error) => {
    process.stderr.write(`request-clicks: ${err.stack ?? err.message}\n`);
    process.exitCode = 1;
  },
);
