import type { EntitySchema } from './schema-types';

/**
 * directoryRole (an activated role: `/directoryRoles`, and items of memberOf): every property is returned by
 * default; the directoryrole-list page allows `$filter` with `eq` only.
 */
export const directoryRoleSchema: EntitySchema = {
  typeName: 'microsoft.graph.directoryRole',
  resource: 'DirectoryRole',
  properties: {
    id: { type: 'guid', ret: 'D', filter: { eq: 'D' } },
    deletedDateTime: { type: 'datetime', ret: 'D' },
    description: { type: 'string', ret: 'D' },
    displayName: { type: 'string', ret: 'D', filter: { eq: 'D' } },
    roleTemplateId: { type: 'guid', ret: 'D', filter: { eq: 'D' } },
  },
};
