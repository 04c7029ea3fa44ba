/**
 * The turn step that reads a message through the directory (issue 23.2): the tenant's cached group names
 * (bot/directory/group-name-index.ts: one Graph request on a cold cache, none while cached) become a gazetteer;
 * a message the patterns did not read, or read without a known group, is read entities first
 * (bot/language/intent-directory.ts); the intent's group phrases are then spelled as the directory does
 * (bot/language/entity-slots.ts), and when a phrase names two different groups equally well the user is asked
 * with a choice card before anything runs.
 */
import type { Intent } from '../language';
import { buildGazetteer, type Gazetteer } from '../language/entity-gazetteer';
import { readSlotsThroughDirectory, readsGroups, type GroupQuestion } from '../language/entity-slots';
import { withDirectoryNames } from '../language/intent-directory';
import type { GroupNameIndex, GroupName, GroupNameSnapshot } from '../directory/group-name-index';
import { buildChoiceCard } from '../../cards/choice-card';
import type { CommandContext, Outcome } from './context';
import { resolved } from './continuation';
import { saveChoice } from './pending-ops';
import { outcome, reply } from './reply';
import { emptySnapshot } from './snapshot';
import { toGroupSummary } from './views';
import { logOf } from '../log';

const gazetteers = new WeakMap<GroupNameSnapshot, Gazetteer>();

function gazetteerOf(snapshot: GroupNameSnapshot): Gazetteer {
  const known = gazetteers.get(snapshot);
  if (known) return known;
  const built = buildGazetteer({ groups: snapshot.groups });
  gazetteers.set(snapshot, built);
  return built;
}

/** Asks which group a phrase means, with the directory's namesakes on a choice card. Throws what the store throws. */
async function askWhich(
  ctx: CommandContext,
  intent: Intent,
  q: GroupQuestion,
  snapshot: GroupNameSnapshot,
): Promise<Outcome> {
  const byId = new Map<string, GroupName>(snapshot.groups.map((g) => [g.id, g]));
  const groups = q.candidates.flatMap((c) => {
    const g = byId.get(c.id);
    return g ? [g] : [];
  });
  const op = await saveChoice(
    ctx,
    intent,
    resolved(emptySnapshot()),
    'groups',
    q.position,
    groups.map((g) => g.id),
  );
  const candidates = groups.map((g) => ({
    kind: 'group' as const,
    group: toGroupSummary({
      id: g.id,
      displayName: g.displayName,
      mail: g.mail ?? null,
      mailNickname: g.mailNickname ?? null,
      mailEnabled: g.mailEnabled === true,
      securityEnabled: g.securityEnabled === true,
      groupTypes: g.groupTypes ?? [],
      visibility: g.visibility ?? null,
    }),
  }));
  const text = `'${q.phrase}' could be ${groups.map((g) => g.displayName).join(' or ')}. Which one did you mean?`;
  return outcome(
    reply(
      text,
      buildChoiceCard({ pendingId: op.id, slot: `groups.${q.position}`, searchedName: q.phrase, candidates }),
    ),
  );
}

/**
 * Reads `intent` through the tenant's group names: the intent to run (group phrases in the directory's
 * spelling), or the question to ask first. `index`: the tenant's group names, the services' (kept in the store).
 * A failure to read the names leaves the intent as parsed (logged).
 * Throws only what the pending store throws when a question is saved.
 */
export async function readThroughDirectory(
  intent: Intent,
  text: string,
  ctx: CommandContext,
  tenantId: string,
  index: GroupNameIndex,
): Promise<{ intent: Intent } | { outcome: Outcome }> {
  if (!readsGroups(intent) && intent.intent !== 'unknown') return { intent };
  let snapshot: GroupNameSnapshot;
  try {
    snapshot = await index.forTurn(tenantId, ctx.graph);
  } catch (err) {
    logOf(ctx).warn('directoryPass.namesUnavailable', { error: err });
    return { intent };
  }
  const gazetteer = gazetteerOf(snapshot);
  const read = readSlotsThroughDirectory(withDirectoryNames(intent, text, gazetteer), text, gazetteer);
  if (read.ask) return { outcome: await askWhich(ctx, read.intent, read.ask, snapshot) };
  if (read.intent !== intent)
    logOf(ctx).debug('directoryPass.read', { intent: read.intent.intent, groups: read.intent.groups?.length ?? 0 });
  return { intent: read.intent };
}
