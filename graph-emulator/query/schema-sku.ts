import type { EntitySchema } from './schema-types';

/** subscribedSku: every property is returned by default; `$filter`, `$search` and `$top` are ignored (docs/graph-behaviour.md, Licensing). */
export const subscribedSkuSchema: EntitySchema = {
  typeName: 'microsoft.graph.subscribedSku',
  resource: 'SubscribedSku',
  properties: {
    accountName: { type: 'string', ret: 'D' },
    accountId: { type: 'guid', ret: 'D' },
    appliesTo: { type: 'string', ret: 'D' },
    capabilityStatus: { type: 'string', ret: 'D' },
    consumedUnits: { type: 'number', ret: 'D' },
    id: { type: 'string', ret: 'D' },
    prepaidUnits: { type: 'object', ret: 'D' },
    servicePlans: { type: 'collection', ret: 'D' },
    skuId: { type: 'guid', ret: 'D' },
    skuPartNumber: { type: 'string', ret: 'D' },
    subscriptionIds: { type: 'stringCollection', ret: 'D' },
  },
};
