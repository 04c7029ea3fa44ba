/**
 * Checks the shape of an incoming Bot Framework activity before it reaches the adapter, so malformed input
 * gets a 400 with a reason instead of a 500. Pure.
 */
export function activityProblem(body: unknown): string | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'The request body must be a JSON activity object.';
  const a = body as Record<string, unknown>;
  if (typeof a.type !== 'string' || !a.type) return "The activity needs a 'type'.";
  if (a.type.length > 64) return "The activity 'type' is too long.";
  if (typeof a.serviceUrl !== 'string' || !/^https?:\/\//.test(a.serviceUrl)) return "The activity needs an http(s) 'serviceUrl'.";
  const conv = a.conversation as Record<string, unknown> | undefined;
  if (!conv || typeof conv !== 'object' || typeof conv.id !== 'string' || !conv.id) return "The activity needs 'conversation.id'.";
  const from = a.from as Record<string, unknown> | undefined;
  if (!from || typeof from !== 'object' || typeof from.id !== 'string') return "The activity needs 'from.id'.";
  if (a.text !== undefined && typeof a.text !== 'string') return "The activity 'text' must be a string.";
  if (a.channelId !== undefined && typeof a.channelId !== 'string') return "The activity 'channelId' must be a string.";
  return null;
}
