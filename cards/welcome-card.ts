import { sendTextButton } from './actions';
import type { AdaptiveCard } from './card-types';
import { actionSets, adaptiveCard, heading, textBlock } from './elements';
import { Markdown, md } from './markdown';
import type { WelcomeCardModel } from './view-models';

/** Examples shown when the model gives none; each is a button that sends the text. */
export const DEFAULT_EXAMPLES: readonly string[] = [
  'who owns SecurityGroup101',
  'add Ana to Marketing',
  'tell me about OutlookGroup101',
  'which groups is Ana in',
  'create a security group called Finance Readers',
  'I need access to Finance Readers',
];

const DEFAULT_CAPABILITIES: readonly string[] = [
  'Find groups and show their details, members and owners',
  'Add or remove members and owners, one or many at a time',
  'Create, rename, delete and restore groups',
  "Explain why someone is in a group, and list a person's groups",
  'Show, set and preview dynamic membership rules',
  'Assign and list licences',
  "Ask a group's owners for access, and approve requests",
];

/**
 * The welcome / help card: what the bot can do and example buttons that send their text.
 * Everything runs with the user's own permissions. Never throws.
 */
export function buildWelcomeCard(model: WelcomeCardModel = {}): AdaptiveCard {
  const mode = model.mode ?? 'welcome';
  const examples = (model.examples ?? DEFAULT_EXAMPLES).slice(0, 6);
  const capabilities = model.capabilities ?? DEFAULT_CAPABILITIES;
  const title =
    mode === 'notUnderstood'
      ? Markdown.trusted('Sorry, I did not understand that.')
      : model.userDisplayName
        ? md`Hi ${model.userDisplayName}, I am groupbot.`
        : Markdown.trusted('Hi, I am groupbot.');
  const intro =
    mode === 'notUnderstood'
      ? 'Here is what I can do. Try one of the examples, or say it in your own words:'
      : 'I manage Microsoft 365 and security groups with your own permissions. I can:';
  return adaptiveCard({
    fallbackText: `groupbot manages groups with your own permissions. Try: ${examples.map((e) => `"${e}"`).join(', ')}.`,
    speak:
      mode === 'notUnderstood'
        ? 'Sorry, I did not understand that. Here is what I can do.'
        : 'Hi, I am groupbot. Here is what I can do.',
    body: [
      heading(title),
      textBlock(Markdown.plain(intro)),
      textBlock(Markdown.trusted(capabilities.map((c) => `- ${c}`).join('\n')), { spacing: 'Small' }),
      textBlock(Markdown.trusted('Examples:'), { weight: 'Bolder', spacing: 'Medium' }),
      ...actionSets(examples.map((e) => sendTextButton(e, e))),
    ],
  });
}
