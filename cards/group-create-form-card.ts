import { executeButton } from './actions';
import { INPUT_IDS, LIMITS } from './card-verbs';
import type { AdaptiveCard, CardElement } from './card-types';
import { adaptiveCard, choiceSet, container, heading, inputText, subtle, textBlock } from './elements';
import { md, plain } from './markdown';
import { previewMatchSection, warningsSection } from './rule-preview-section';
import type { GroupCreateFormModel } from './view-models';
import { notesBlock } from './notes-block';

/**
 * A mailNickname from a display name: ASCII letters, digits, '-', '.', '_' only, at most 64 characters
 * ("Finance Readers" → "FinanceReaders", "Équipe R&D" → "EquipeRD"). May return '' for names with no
 * usable character; never throws.
 */
export function deriveMailNickname(displayName: string): string {
  return displayName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]/g, '')
    .replace(/^[.]+|[.]+$/g, '')
    .slice(0, LIMITS.mailNickname);
}

/** Client-side check matching the parser's (letters, digits, - . _). */
const NICKNAME_REGEX = '^[A-Za-z0-9._\\-]{1,64}$';

/**
 * The create-group form, prefilled from the sentence: type, name, mailNickname, description, visibility,
 * owners, members and an optional rule, with the rule preview under the rule when given. Buttons:
 * Create group (groupCreate), Preview rule (groupCreatePreview), Cancel. Never throws.
 */
export function buildGroupCreateFormCard(model: GroupCreateFormModel): AdaptiveCard {
  const pending = model.pendingId !== undefined ? { pendingId: model.pendingId } : {};
  const nickname = model.mailNickname ?? (model.displayName ? deriveMailNickname(model.displayName) : '');
  const body: CardElement[] = [heading(md`Create a group`)];
  if (model.error) body.push(textBlock(plain(model.error), { color: 'Attention' }));
  body.push(subtle(md`Check the details, then choose Create group. Nothing is created before that.`));
  body.push(
    choiceSet(
      INPUT_IDS.groupType,
      'Type',
      [
        { title: 'Security group', value: 'security' },
        { title: 'Microsoft 365 group (mailbox, SharePoint site, Teams)', value: 'microsoft365' },
      ],
      {
        value: model.groupType ?? 'security',
        style: 'expanded',
        isRequired: true,
        errorMessage: 'Choose a group type.',
      },
    ),
    inputText(INPUT_IDS.displayName, 'Name', {
      value: model.displayName ?? '',
      maxLength: LIMITS.string,
      isRequired: true,
      errorMessage: 'The group needs a name.',
      placeholder: 'For example: Finance Readers',
    }),
    inputText(INPUT_IDS.mailNickname, 'Mail nickname', {
      value: nickname,
      maxLength: LIMITS.mailNickname,
      regex: NICKNAME_REGEX,
      errorMessage: 'Use letters, digits, and - . _ only, without spaces.',
      placeholder: 'FinanceReaders',
    }),
    inputText(INPUT_IDS.description, 'Description', {
      value: model.description ?? '',
      isMultiline: true,
      maxLength: LIMITS.description,
    }),
  );
  if (model.visibilityField !== false) {
    body.push(
      choiceSet(
        INPUT_IDS.visibility,
        'Visibility',
        [
          { title: 'Private', value: 'Private' },
          { title: 'Public', value: 'Public' },
          { title: 'Hidden membership (Microsoft 365 only)', value: 'HiddenMembership' },
        ],
        { value: model.visibility ?? 'Private' },
      ),
    );
  }
  body.push(
    inputText(INPUT_IDS.owners, 'Owners', {
      value: (model.owners ?? []).join(', '),
      maxLength: LIMITS.nameList,
      placeholder: 'Names or email addresses, separated by commas',
    }),
    inputText(INPUT_IDS.members, 'Members', {
      value: (model.members ?? []).join(', '),
      maxLength: LIMITS.nameList,
      isMultiline: true,
      placeholder: 'Names or email addresses, separated by commas (not for a dynamic group)',
    }),
    inputText(INPUT_IDS.rule, 'Dynamic membership rule (optional)', {
      value: model.rule ?? '',
      maxLength: LIMITS.rule,
      isMultiline: true,
      placeholder: 'user.department -eq "Finance"',
    }),
  );
  if (model.rulePreview) {
    const p = model.rulePreview;
    const items: CardElement[] = p.error
      ? [textBlock(md`The rule has a problem: ${p.error}`, { color: 'Attention' })]
      : [
          ...previewMatchSection(p.matchCount, p.sample, p.asOf),
          ...warningsSection(p.warnings),
          ...[notesBlock(p.notes ?? [])].filter((b) => b !== undefined),
        ];
    body.push(container(items, { style: 'emphasis', spacing: 'Medium' }));
  }
  const name = model.displayName ? `"${model.displayName}"` : 'a new group';
  return adaptiveCard({
    fallbackText: `Create ${name}: fill in the form and choose Create group.`,
    body,
    actions: [
      executeButton('Create group', { verb: 'groupCreate', ...pending }, { style: 'positive' }),
      executeButton('Preview rule', { verb: 'groupCreatePreview', ...pending }),
      executeButton('Cancel', { verb: 'cancel', ...pending }, { ignoreInputs: true }),
    ],
  });
}
