/**
 * "do we have a group for the auditors?": groups whose name or description mentions the topic's words, found by
 * Graph's `$search` (never a listing of the tenant). Read-only.
 */
import type { Intent } from '../language';
import { searchGroupsByWords } from '../directory/group-search-read';
import type { DirectoryGroup } from '../directory/types';
import { kindLabel } from '../../graph-model/group-kind';
import type { CommandContext, Outcome } from './context';
import { errorText } from './error-text';
import { say } from './reply';

/** Words that say nothing about the purpose. */
const STOP = new Set([
  'a',
  'an',
  'the',
  'for',
  'of',
  'to',
  'and',
  'or',
  'our',
  'my',
  'all',
  'people',
  'group',
  'groups',
  'team',
  'teams',
  'any',
  'who',
  'with',
  'in',
  'on',
]);

/** The words to search for: stop words dropped, a plural's "s" dropped so "auditors" also finds "Auditor". Pure. */
export function topicWords(topic: string): string[] {
  const words = topic
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOP.has(w));
  return [...new Set(words.map((w) => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)))];
}

function line(g: DirectoryGroup): string {
  return `- ${g.displayName} (${kindLabel(g)})${g.description ? `: ${g.description}` : ''}`;
}

/** Never throws. */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const topic = typeof intent.topic === 'string' ? intent.topic : '';
  const words = topicWords(topic);
  if (words.length === 0) return say('A group for what? For example: "do we have a group for the auditors?".');
  try {
    const found = await searchGroupsByWords(ctx.graph, words);
    if (found.length === 0)
      return say(
        `I found no group whose name or description mentions ${words.map((w) => `'${w}'`).join(' or ')}. You could create one: "create a security group called …".`,
      );
    return say([`Groups that mention ${words.map((w) => `'${w}'`).join(' or ')}:`, ...found.map(line)].join('\n'));
  } catch (err) {
    return say(errorText(err, { action: 'search' }));
  }
}
