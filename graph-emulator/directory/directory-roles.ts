/**
 * Directory roles the emulator knows, with Entra's real role template ids (the `wids` values of real
 * tokens). Role assignments are stored in the directory (table `roles`), never in the token.
 */
export interface DirectoryRoleDefinition {
  /** Object id of the activated directoryRole in the demo/large tenant (stable). */
  id: string;
  roleTemplateId: string;
  displayName: string;
  description: string;
}

export const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';
export const GROUPS_ADMINISTRATOR = 'fdd7a751-b60b-444a-984c-02652fe8fa1c';
export const USER_ADMINISTRATOR = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
export const LICENSE_ADMINISTRATOR = '4d6ac14f-3453-41d0-bef9-a3e0c569773a';
export const PRIVILEGED_ROLE_ADMINISTRATOR = 'e8611ab8-c189-46e8-94e1-60213ab1f814';
export const DIRECTORY_WRITERS = '9360feb5-f418-4baa-8175-e2a00bac4301';
export const GUEST_INVITER = '95e79109-95c0-4d8e-aee3-d01accf2d47b';

export const DIRECTORY_ROLES: readonly DirectoryRoleDefinition[] = [
  {
    id: '0f5b3a1e-7c2d-4e8f-9a6b-1c3d5e7f9a01',
    roleTemplateId: GLOBAL_ADMINISTRATOR,
    displayName: 'Global Administrator',
    description:
      'Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.',
  },
  {
    id: '0f5b3a1e-7c2d-4e8f-9a6b-1c3d5e7f9a02',
    roleTemplateId: GROUPS_ADMINISTRATOR,
    displayName: 'Groups Administrator',
    description:
      'Members of this role can create/manage groups, create/manage groups settings like naming and expiration policies, and view groups activity and audit reports.',
  },
  {
    id: '0f5b3a1e-7c2d-4e8f-9a6b-1c3d5e7f9a03',
    roleTemplateId: USER_ADMINISTRATOR,
    displayName: 'User Administrator',
    description: 'Can manage all aspects of users and groups, including resetting passwords for limited admins.',
  },
  {
    id: '0f5b3a1e-7c2d-4e8f-9a6b-1c3d5e7f9a04',
    roleTemplateId: LICENSE_ADMINISTRATOR,
    displayName: 'License Administrator',
    description: 'Can manage product licenses on users and groups.',
  },
  {
    id: '0f5b3a1e-7c2d-4e8f-9a6b-1c3d5e7f9a05',
    roleTemplateId: PRIVILEGED_ROLE_ADMINISTRATOR,
    displayName: 'Privileged Role Administrator',
    description:
      'Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management.',
  },
  {
    id: '0f5b3a1e-7c2d-4e8f-9a6b-1c3d5e7f9a06',
    roleTemplateId: DIRECTORY_WRITERS,
    displayName: 'Directory Writers',
    description:
      'Can read and write basic directory information. For granting access to applications, not intended for users.',
  },
  {
    id: '0f5b3a1e-7c2d-4e8f-9a6b-1c3d5e7f9a07',
    roleTemplateId: GUEST_INVITER,
    displayName: 'Guest Inviter',
    description: "Can invite guest users independent of the 'members can invite guests' setting.",
  },
];

/** The Graph JSON of a directoryRole object. Never throws. */
export function directoryRoleJson(r: DirectoryRoleDefinition): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.directoryRole',
    id: r.id,
    deletedDateTime: null,
    description: r.description,
    displayName: r.displayName,
    roleTemplateId: r.roleTemplateId,
  };
}

/**
 * Roles whose holders may read the directory audit log through a delegated token (the directoryaudit-list page:
 * Global Reader, Reports Reader, Security Administrator, Security Operator, Security Reader; and Global
 * Administrator). The emulator seeds only some of them; the others are matched by template id.
 */
export const AUDIT_READER_ROLES: ReadonlySet<string> = new Set([
  GLOBAL_ADMINISTRATOR,
  'f2ef992c-3afb-46b9-b7cf-a126ee74c451', // Global Reader
  '4a5d8f65-41da-4de4-8968-e035b65339cf', // Reports Reader
  '194ae4cb-b126-40b2-bd5b-6091b380977d', // Security Administrator
  '5f2222b1-57c3-48ba-8ad5-d4759f1fde6f', // Security Operator
  '5d6b6bb7-de71-4623-b4af-96380a352509', // Security Reader
]);
