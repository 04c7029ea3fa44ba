/** groupbot cards: view models in, Adaptive Card JSON out; action payloads in and out. Pure, no I/O. */
export * from './view-models';
export * from './card-types';
export * from './actions';
export * from './card-verbs';
export * from './card-action-parse';
export { escapeMarkdown, unescapeMarkdown } from './escape-markdown';
export { Markdown, md, plain } from './markdown';
export { cardTime, plainTime } from './card-time';
export { validateCard, MAX_CARD_VERSION, MAX_CARD_BYTES, type CardValidation } from './validate-card';
export {
  renderCardText,
  actionPayload,
  markdownToText,
  type RenderedCard,
  type RenderedAction,
  type RenderedInput,
} from './render-text';
export { buildWelcomeCard, DEFAULT_EXAMPLES } from './welcome-card';
export { buildSuggestionCard } from './suggestion-card';
export { buildChoiceCard } from './choice-card';
export { buildNotFoundCard } from './not-found-card';
export { buildGroupDetailsCard } from './group-details-card';
export { buildPagedListCard } from './paged-list-card';
export { buildMemberOutcomeCard, outcomeText } from './member-outcome-card';
export { buildBulkResolutionCard, BULK_LIMITS } from './bulk-resolution-card';
export { buildProgressCard } from './progress-card';
export { buildConfirmationCard } from './confirmation-card';
export { buildDeleteConfirmationCard, deletionLosses } from './delete-confirmation-card';
export { buildGroupDeletedCard } from './group-deleted-card';
export { buildGroupCreateFormCard, deriveMailNickname } from './group-create-form-card';
export { buildMembershipPathCard } from './membership-path-card';
export { buildUserGroupsCard } from './user-groups-card';
export { buildLicensesCard } from './licenses-card';
export { buildRuleCard } from './rule-card';
export { buildRulePreviewCard } from './rule-preview-card';
export { buildAccessRequestCard } from './access-request-card';
export { buildApprovalCard } from './approval-card';
export { buildApprovalResultCard } from './approval-result-card';
export { buildRequestListCard } from './request-list-card';
export { buildJournalCard, canUndo, UNDO_WINDOW_MS } from './journal-card';
export { buildErrorCard } from './error-card';
export { buildNoticeCard } from './notice-card';
export { buildHygieneCard } from './hygiene-card';
