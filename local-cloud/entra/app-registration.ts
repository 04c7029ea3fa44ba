/**
 * The bot's app registration (Entra app + Azure Bot resource + OAuth connection), generated once per data
 * directory and kept in `<dataDir>/registration.json`: app id, client secret, App ID URI, connection name.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { JsonFile } from '../state/json-file';

export interface AppRegistration {
  appId: string;
  /** Client secret. Never logged. */
  secret: string;
  tenantId: string;
  /** Exposed API (App ID URI): `api://botid-<appId>`. */
  appIdUri: string;
  name: string;
  /** OAuth connection of the Azure Bot resource (Graph, with SSO's token exchange URL = appIdUri). */
  connectionName: string;
  /** Provider id the token service puts in tokenExchangeResource. */
  providerId: string;
}

/**
 * Loads the registration, creating it on first use; a different `connectionName` than the stored one is
 * written back (the connection was renamed). Throws on file-system errors.
 */
export function ensureAppRegistration(dataDir: string, tenantId: string, connectionName: string): AppRegistration {
  const file = new JsonFile<AppRegistration>(path.join(dataDir, 'registration.json'), () => {
    const appId = randomUUID();
    return {
      appId,
      secret: `${randomBytes(6).toString('base64url')}~${randomBytes(24).toString('base64url')}`,
      tenantId,
      appIdUri: `api://botid-${appId}`,
      name: 'groupbot',
      connectionName,
      providerId: randomUUID(),
    };
  });
  if (file.data.connectionName !== connectionName || file.data.tenantId !== tenantId)
    file.update((r) => {
      r.connectionName = connectionName;
      r.tenantId = tenantId;
    });
  else file.write();
  return file.data;
}
