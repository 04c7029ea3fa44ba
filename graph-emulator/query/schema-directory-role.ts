import type { EntitySchema } from './schema-types';

/** directoryRole (an activated role, listed in memberOf): every property is returned by default. */
export const directoryRoleSchema: EntitySchema = {
  typeName: 'microsoft.graph.directoryRole',
  resource: 'DirectoryRole',
  properties: {
    id: { type: 'guid', ret: 'D' },
    deletedDateTime: { type: 'datetime', ret: 'D' },
    description: { type: 'string', ret: 'D' },
    displayName: { type: 'string', ret: 'D' },
    roleTemplateId: { type: 'guid', ret: 'D' },
  },
};
