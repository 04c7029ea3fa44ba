import type { Activity } from 'botbuilder';
import type { Actor } from '../commands/context';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The acting user of an activity, or undefined when the channel did not say who it is (no Entra object id). */
export function actorOf(activity: Partial<Activity>): Actor | undefined {
  const from = activity.from;
  const id = from?.aadObjectId;
  if (!id || !GUID.test(id)) return undefined;
  return { id, displayName: typeof from?.name === 'string' && from.name ? from.name.slice(0, 256) : 'you' };
}
