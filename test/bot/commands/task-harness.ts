/**
 * Test support for the admin-task commands (offboarding, copying membership, removing by kind): the command
 * harness (real Graph emulator, demo tenant) plus an in-memory store's journal, and helpers to confirm, click
 * Undo and read a group's members straight from Graph.
 */
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator';
import { runIntent, continuePending } from '../../../bot/commands/dispatch';
import { runCardAction } from '../../../bot/commands/card-action-run';
import type { CommandContext, Outcome } from '../../../bot/commands/context';
import type { Intent } from '../../../bot/language';
import { openStore, type Store } from '../../../bot/store';
import { JournalService } from '../../../bot/journal';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { allText, buttonData, startHarness, type Harness } from './command-harness';

export const users = DEMO_USERS as unknown as Record<string, { id: string; upn: string; displayName: string }>;
export const groups = DEMO_GROUPS as unknown as Record<string, { id: string; displayName: string }>;

/** The data of the first button with `verb` among the replies; throws with the replies' text when none. */
export function button(o: Outcome, verb: string): Record<string, unknown> {
  for (const r of o.replies) {
    const d = buttonData(r, verb);
    if (d) return d;
  }
  throw new Error(`no ${verb} button in: ${allText(o)}`);
}

export interface TaskHarness {
  h: Harness;
  store: Store;
  ctx(upn: string): Promise<CommandContext>;
  /** Asks, then clicks Confirm: the question and the answer. */
  confirm(ctx: CommandContext, intent: Intent): Promise<{ ask: Outcome; done: Outcome; pendingId: string }>;
  /** Clicks Undo on `o`'s card, then Confirm. */
  undo(ctx: CommandContext, o: Outcome): Promise<Outcome>;
  ids(ctx: CommandContext, groupId: string, relation: 'members' | 'owners'): Promise<string[]>;
  stop(): Promise<void>;
}

/** Starts the emulator (`opts` as startHarness's) and an in-memory store. */
export async function startTaskHarness(opts: Parameters<typeof startHarness>[1] = {}): Promise<TaskHarness> {
  const h = await startHarness('demo', opts);
  const store = await openStore({ memory: true });
  const journal = new JournalService(store.journal, store.keyValue, {
    onError: (err) => {
      throw err;
    },
  });
  return {
    h,
    store,
    async ctx(upn) {
      return { ...(await h.ctx(upn)), journal };
    },
    async confirm(ctx, intent) {
      const ask = await runIntent(intent, ctx);
      const pendingId = button(ask, 'confirm')['pendingId'] as string;
      return { ask, done: await continuePending(pendingId, { confirmed: true }, ctx), pendingId };
    },
    async undo(ctx, o) {
      const journalId = button(o, 'undo')['journalId'] as string;
      const ask = await (runCardAction({ verb: 'undo', journalId }, ctx) as Promise<Outcome>);
      return continuePending(button(ask, 'confirm')['pendingId'] as string, { confirmed: true }, ctx);
    },
    async ids(ctx, groupId, relation) {
      const body = await ctx.graph.get<{ value: { id: string }[] }>(
        `/groups/${groupId}/${relation}?$select=id&$top=999`,
      );
      return body.value.map((m) => m.id);
    },
    async stop() {
      await store.close();
      await h.stop();
      await closeGraphConnections();
    },
  };
}

/**
 * Registers the suite's before/after hooks: a task harness started once for the suite (`opts` as
 * startTaskHarness's) and stopped after it. Call inside `describe`; `use` receives the started harness.
 */
export function useTaskHarness(use: (t: TaskHarness) => void, opts: Parameters<typeof startHarness>[1] = {}): void {
  let started: TaskHarness | undefined;
  before(async () => {
    started = await startTaskHarness(opts);
    use(started);
  });
  after(async () => {
    await started?.stop();
  });
}

/** The demo tenant's groups Lee Gu is a direct member of (the offboarding suites undo and re-check them). */
export const LEE_MEMBER_OF = [
  'researchAndDevelopment',
  'projectFalconM365',
  'engineeringAll',
  'executiveLeadership',
  'licensedE5',
];

/** The demo tenant's groups Lee Gu owns. */
export const LEE_OWNS = [
  'researchAndDevelopment',
  'projectFalconM365',
  'engineeringAll',
  'engineeringPlatform',
  'platformCore',
  'identityServices',
  'directorySquad',
];
