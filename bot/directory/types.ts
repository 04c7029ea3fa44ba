/** Directory objects as groupbot uses them: a narrow, typed view of Graph v1.0 JSON. */

export type { GroupKind } from '../../graph-model/group-kind';
export { groupKind, isDynamic, isReadOnlyKind } from '../../graph-model/group-kind';

export interface DirectoryUser {
  id: string;
  displayName: string;
  userPrincipalName?: string;
  mail?: string | null;
  jobTitle?: string | null;
  department?: string | null;
  userType?: string | null;
}

export interface DirectoryGroup {
  id: string;
  displayName: string;
  description?: string | null;
  mail?: string | null;
  mailNickname?: string | null;
  mailEnabled: boolean;
  securityEnabled: boolean;
  groupTypes: string[];
  visibility?: string | null;
  membershipRule?: string | null;
  membershipRuleProcessingState?: string | null;
  deletedDateTime?: string | null;
  createdDateTime?: string | null;
}

/** A member or owner entry: a user, a group, or another directory object. */
export interface DirectoryMember {
  id: string;
  type: 'user' | 'group' | 'other';
  displayName: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
}

export interface Page<T> {
  items: T[];
  /** Absolute nextLink to pass back for the next page; undefined on the last page. */
  next?: string;
}

export interface SubscribedSku {
  skuId: string;
  skuPartNumber: string;
  enabled: number;
  consumed: number;
}

export const GROUP_SELECT =
  'id,displayName,description,mail,mailNickname,mailEnabled,securityEnabled,groupTypes,visibility,membershipRule,membershipRuleProcessingState,createdDateTime';
export const USER_SELECT = 'id,displayName,userPrincipalName,mail,jobTitle,department,userType';
