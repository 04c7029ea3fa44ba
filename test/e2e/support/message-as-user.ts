/**
 * Sends a chat message to the bot as any Playground user, through the Playground's custom-activity endpoint
 * (the UI always types as the current user; docs/local-mode.md, Identity and per-test users). The bot's
 * replies are shown in the UI and pushed over the WebSocket like any other reply.
 */
import type { PlaygroundPerson } from '../../support/playground-client';

export interface MessageAsUser {
  /** The Playground's base URL, http://127.0.0.1:<port>. */
  playgroundUrl: string;
  /** The group chat or channel id (a personal chat belongs to the current user only). */
  conversationId: string;
  /** Who writes: a configured Playground user (id, name, aadObjectId). */
  from: PlaygroundPerson;
  /** The bot to @mention at the start of the message. */
  bot: { id: string; name: string };
  text: string;
}

/**
 * Posts `<at>bot</at> text` from `from` into the conversation, with a real mention entity, as a `message`
 * activity built on the Playground's own template (serviceUrl, conversation, recipient, tenant).
 * @throws Error when the Playground refuses the template or the activity (status and body in the message).
 */
export async function messageAsUser(args: MessageAsUser): Promise<void> {
  const base = args.playgroundUrl;
  const templateRes = await fetch(
    `${base}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(args.conversationId)}`,
  );
  const templateText = await templateRes.text();
  if (!templateRes.ok)
    throw new Error(
      `the Playground's custom activity template answered ${templateRes.status}: ${templateText.slice(0, 300)}`,
    );
  const template = JSON.parse(templateText) as Record<string, unknown>;
  const mention = `<at>${args.bot.name}</at>`;
  const activity = {
    ...template,
    type: 'message',
    from: { id: args.from.id, name: args.from.name, aadObjectId: args.from.aadObjectId },
    text: `${mention} ${args.text}`,
    textFormat: 'plain',
    entities: [{ type: 'mention', mentioned: { id: args.bot.id, name: args.bot.name }, text: mention }],
  };
  const res = await fetch(`${base}/_internal/v1/customActivities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  if (!res.ok)
    throw new Error(`the Playground refused the custom activity: ${res.status} ${(await res.text()).slice(0, 300)}`);
}
