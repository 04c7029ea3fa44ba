import type { Intent } from '../language';
import type { DirectoryGroup } from '../directory/types';
import type { CommandContext, Outcome } from './context';
import { say } from './reply';
import { resolveIntent, type Resolved } from './resolve-step';

/** Resolves the one group an operation is about. `example` completes "Which group? For example: ...". Never throws. */
export async function oneGroup(
  intent: Intent,
  ctx: CommandContext,
  purpose: string,
  example: string,
): Promise<{ ok: true; group: DirectoryGroup; resolved: Resolved } | { ok: false; outcome: Outcome }> {
  if (!intent.groups?.length) return { ok: false, outcome: say(`Which group? For example: "${example}".`) };
  const step = await resolveIntent({ ...intent, groups: intent.groups.slice(0, 1) }, ctx, { purpose });
  if (!step.ok) return step;
  const group = step.value.groups[0];
  if (!group) return { ok: false, outcome: say(`Which group? For example: "${example}".`) };
  return { ok: true, group, resolved: step.value };
}
