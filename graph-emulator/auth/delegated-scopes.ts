/** Delegated permission scopes: the set groupbot asks for, which tokens carry by default. */
export const DEFAULT_SCOPES: readonly string[] = [
  'User.Read',
  'User.ReadBasic.All',
  'User.Read.All',
  'GroupMember.Read.All',
  'GroupMember.ReadWrite.All',
  'Group.ReadWrite.All',
  'LicenseAssignment.ReadWrite.All',
  'Organization.Read.All',
  'User.Invite.All',
  // Attribution of membership history (bot/history): the directory audit log needs both.
  'AuditLog.Read.All',
  'Directory.Read.All',
  // CSV exports: uploaded to the user's own OneDrive and shared with a link (bot/exports).
  'Files.ReadWrite',
];

/** The application (client) id the emulator puts in tokens as `appid`/`azp`. */
export const EMULATOR_CLIENT_ID = '00000000-0000-0000-0000-00000067b0b1';
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
