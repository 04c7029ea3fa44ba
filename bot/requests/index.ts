/** Self-service access requests: the pure state machine and the service that runs it over the store. */
export {
  decide,
  isFinal,
  TRANSITIONS,
  type Decision,
  type Refusal,
  type RefusalCode,
  type RequestAction,
  type RequestFacts,
} from './request-decision';
export { describeOutcome, type RequestOutcomeView } from './request-outcome';
export type {
  MemberAddJob,
  MemberAddResult,
  MemberAdder,
  MemberRemoveJob,
  MemberRemoveResult,
  MemberRemover,
} from './member-change';
export {
  AccessRequestService,
  RequestInputError,
  type AccessRequestServiceDeps,
  type AccessRequestServiceOptions,
  type Decider,
  type ActionResult,
  type FileResult,
  type RequestSnapshot,
  type Requester,
} from './access-request-service';
