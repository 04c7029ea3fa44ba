/**
 * "watch Marketing", "watch all my groups", "stop watching Legal", "which groups am I watching": who follows which
 * group's membership history (docs/history.md). Only an owner of the group or a Groups or Global Administrator
 * may watch it; the first round (the membership as it is now) runs at once for one group, and with the poller
 * for "all my groups".
 */
import type { Intent } from '../language';
import { mayDecide } from '../directory/request-access-checks';
import { listOwnedGroups } from '../directory/owned-groups';
import type { DirectoryGroup } from '../directory/types';
import { formatTime } from '../../cards/card-time';
import type { CommandContext, Outcome } from './context';
import type { HistoryService } from '../history/history-service';
import { errorText } from './error-text';
import { say } from './reply';
import { resolveIntent } from './resolve-step';
import { nameList } from './views';

function watchOf(
  ctx: CommandContext,
  g: DirectoryGroup,
): { groupId: string; groupName: string; watcherId: string; watcherName: string } {
  return { groupId: g.id, groupName: g.displayName, watcherId: ctx.actor.id, watcherName: ctx.actor.displayName };
}

function minutes(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} minute${seconds === 60 ? '' : 's'}` : `${seconds} seconds`;
}

/** The groups the actor watches, as a sentence. Throws on database errors. */
async function watchList(ctx: CommandContext): Promise<string> {
  const watched = await ctx.history.repo.watchesOf(ctx.actor.id);
  if (watched.length === 0)
    return 'You are not watching any group. Say "watch Marketing" or "watch all my groups" to start.';
  const lines = watched.map((w) => `- ${w.groupName} (since ${formatTime(w.since)})`);
  return `You are watching ${watched.length} group${watched.length === 1 ? '' : 's'}:\n${lines.join('\n')}`;
}

/** Starts watching. Never throws. */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const history = ctx.history;
  try {
    if (intent.allOwned) return await watchOwned(ctx, history);
    if (!intent.groups?.length) return say(await watchList(ctx));
    const step = await resolveIntent(intent, ctx, { groups: true, purpose: 'to watch' });
    if (!step.ok) return step.outcome;
    const started: string[] = [];
    const already: string[] = [];
    const refused: string[] = [];
    for (const g of step.value.groups) {
      if (!(await mayDecide(ctx.graph, g.id, ctx.actor.id))) {
        refused.push(g.displayName);
        continue;
      }
      const fresh = await history.repo.watch(watchOf(ctx, g), ctx.now());
      (fresh ? started : already).push(g.displayName);
      await history.catchUp(g.id, ctx.graph);
    }
    const lines: string[] = [];
    if (started.length) {
      lines.push(
        `I'm now watching ${nameList(started.map((n) => `'${n}'`))}: I recorded ${started.length === 1 ? 'its' : 'their'} members and owners as they are now, and I'll check for changes every ${minutes(history.pollSeconds)} with your permissions, including changes made outside groupbot. Ask "what changed in ${started[0]} this week" or "who was in ${started[0]} yesterday".`,
      );
    }
    if (already.length) lines.push(`You were already watching ${nameList(already.map((n) => `'${n}'`))}.`);
    if (refused.length)
      lines.push(
        `Only an owner of a group or a Groups Administrator can watch it, so I'm not watching ${nameList(refused.map((n) => `'${n}'`))}.`,
      );
    return say(lines.join('\n'));
  } catch (err) {
    return say(errorText(err, { groupName: intent.groups?.[0] ?? '', action: 'watch' }));
  }
}

/** "watch all my groups": every group the actor owns (the first round comes with the poller). Throws DomainError. */
async function watchOwned(ctx: CommandContext, history: HistoryService): Promise<Outcome> {
  const owned = await listOwnedGroups(ctx.graph, 'me');
  if (owned.groups.length === 0) return say("You don't own any group, so there is nothing to watch.");
  let fresh = 0;
  for (const g of owned.groups) {
    if (await history.repo.watch(watchOf(ctx, g), ctx.now())) fresh++;
  }
  const cut = owned.complete ? '' : ' (your list of groups was cut short; say "watch <group>" for the others)';
  return say(
    `I'm watching all ${owned.groups.length} group${owned.groups.length === 1 ? '' : 's'} you own${cut}; ${fresh} of them are new. ` +
      `I record each one's members as they are now within the next few minutes, then check for changes every ${minutes(history.pollSeconds)} with your permissions.`,
  );
}

/** Stops watching ("stop watching Legal", "stop watching all my groups"). The recorded history stays. Never throws. */
export async function runUnwatch(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const history = ctx.history;
  try {
    const watched = await history.repo.watchesOf(ctx.actor.id);
    if (intent.allOwned) {
      for (const w of watched) await history.repo.unwatch(w.groupId, ctx.actor.id);
      return say(
        watched.length
          ? `I stopped watching ${watched.length} group${watched.length === 1 ? '' : 's'} for you. What I recorded stays.`
          : 'You were not watching any group.',
      );
    }
    if (!intent.groups?.length)
      return say('Which group should I stop watching? For example: "stop watching Marketing".');
    const step = await resolveIntent(intent, ctx, { groups: true, purpose: 'to stop watching' });
    if (!step.ok) return step.outcome;
    const stopped: DirectoryGroup[] = [];
    const not: DirectoryGroup[] = [];
    for (const g of step.value.groups) ((await history.repo.unwatch(g.id, ctx.actor.id)) ? stopped : not).push(g);
    const lines: string[] = [];
    if (stopped.length)
      lines.push(
        `I stopped watching ${nameList(stopped.map((g) => `'${g.displayName}'`))} for you. What I recorded stays${stopped.length === 1 ? '' : ' for each'}.`,
      );
    if (not.length) lines.push(`You were not watching ${nameList(not.map((g) => `'${g.displayName}'`))}.`);
    return say(lines.join('\n'));
  } catch (err) {
    return say(errorText(err, { groupName: intent.groups?.[0] ?? '', action: 'stop watching' }));
  }
}
