/**
 * The order an Undo of several changes must keep. Graph runs the steps of one `$batch` in any order, so entries
 * whose inverses must follow each other go in successive waves, each wave sent only after the previous one
 * answered: on one group, every switch between adding and removing (re-adding an owner before removing the one
 * who took over; a group restored before its members come back) starts a new wave. Changes to different groups,
 * and runs of the same direction on one group, share a wave. Pure.
 */
import type { JournalEntry } from '../store/types';

/** What an entry's inverse does to its group: adds someone, removes someone, or changes the group itself. */
function direction(e: JournalEntry): 'add' | 'remove' | 'group' {
  switch (e.action) {
    case 'member.remove':
    case 'owner.remove':
      return 'add';
    case 'member.add':
    case 'owner.add':
      return 'remove';
    default:
      return 'group';
  }
}

/** Per entry, in order, the wave it runs in (0 first). Pure. */
export function undoWaves(entries: JournalEntry[]): number[] {
  const waves: number[] = [];
  entries.forEach((e, i) => {
    let wave = 0;
    for (let j = 0; j < i; j++) {
      const f = entries[j] as JournalEntry;
      if ((f.group?.id ?? '') !== (e.group?.id ?? '')) continue;
      const turn = direction(f) !== direction(e) || direction(e) === 'group' ? 1 : 0;
      wave = Math.max(wave, (waves[j] ?? 0) + turn);
    }
    waves.push(wave);
  });
  return waves;
}

/**
 * The earlier entry `entries[i]` must wait for — same group, an earlier wave — whose undo failed (per `failed`),
 * or undefined when none did: then entry i is not tried, since its order would be broken. Pure.
 */
export function failedPrerequisite(
  entries: JournalEntry[],
  waves: number[],
  i: number,
  failed: (j: number) => boolean,
): JournalEntry | undefined {
  const e = entries[i] as JournalEntry;
  for (let j = 0; j < i; j++) {
    const f = entries[j] as JournalEntry;
    if ((f.group?.id ?? '') === (e.group?.id ?? '') && (waves[j] ?? 0) < (waves[i] ?? 0) && failed(j)) return f;
  }
  return undefined;
}
