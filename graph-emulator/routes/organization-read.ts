/** `GET /organization`: the tenant, with its verified domains (useful to clients that build mail addresses). */
import type { EmuResponse, HandlerContext } from '../http/request-context';
import { isGuest, requireThat } from '../permissions/authorize';

/** Handler of GET /organization. Throws E5 for guests. */
export function listOrganization(ctx: HandlerContext): EmuResponse {
  requireThat(!isGuest(ctx.caller));
  const t = ctx.services.tenant;
  return {
    status: 200,
    body: {
      '@odata.context': `${ctx.services.baseUrl}/v1.0/$metadata#organization`,
      value: [
        {
          id: t.tenantId,
          displayName: t.displayName,
          tenantType: 'AAD',
          countryLetterCode: 'US',
          preferredLanguage: 'en',
          verifiedDomains: [
            {
              capabilities: 'Email, OfficeCommunicationsOnline',
              isDefault: true,
              isInitial: false,
              name: t.domain,
              type: 'Managed',
            },
            {
              capabilities: 'Email, OfficeCommunicationsOnline',
              isDefault: false,
              isInitial: true,
              name: t.initialDomain,
              type: 'Managed',
            },
          ],
        },
      ],
    },
  };
}
