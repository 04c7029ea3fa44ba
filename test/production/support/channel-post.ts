/**
 * Posts hand-made activities to a bot endpoint the way the Bot Framework channel does: `Authorization: Bearer <JWT>`
 * signed with the local cloud's channel key (the one its OpenID keys endpoint publishes, endorsed for msteams), with
 * claims a test can break one at a time (issuer, audience, expiry, serviceurl, signature). For what the local
 * cloud's Teams client does not send on its own: replays, forged and expired tokens, foreign serviceUrls.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { signJwt, type JwtClaims } from '../../../local-cloud/crypto/jwt';
import { ensureRsaKey, type RsaKey } from '../../../local-cloud/crypto/rsa-key';
import type { LocalCloud, TeamsConversation } from '../../../local-cloud';

/** The file name (under `<cloud dir>/keys/`) of the key that signs channel tokens. */
export const CHANNEL_KEY_NAME = 'channel-signing-key';

export interface PostResult {
  status: number;
  /** The parsed JSON body, the raw text when it is not JSON, undefined when empty. */
  body: unknown;
}

/** How to break the token (each undefined = as the channel does it). */
export interface TokenTweaks {
  /** No Authorization header at all. */
  unsigned?: boolean;
  /** Claims replacing or adding to the channel's (`iss`, `aud`, `exp`, `nbf`, `serviceurl`). */
  claims?: JwtClaims;
  /** Sign with a key the cloud never published. */
  foreignKey?: boolean;
}

export class ChannelPoster {
  private readonly key: RsaKey;

  constructor(
    private readonly cloud: LocalCloud,
    cloudDataDir: string,
  ) {
    this.key = ensureRsaKey(cloudDataDir, CHANNEL_KEY_NAME);
  }

  /** A channel JWT for `serviceUrl` as the Bot Framework issues it (5 minutes from now), with `tweaks` applied. */
  token(serviceUrl: string, tweaks: TokenTweaks = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const claims: JwtClaims = {
      iss: this.cloud.urls.channelTokenIssuer,
      aud: this.cloud.bot.appId,
      serviceurl: serviceUrl,
      nbf: now - 5,
      exp: now + 300,
      ...tweaks.claims,
    };
    if (!tweaks.foreignKey) return signJwt(this.key, claims);
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return signJwt({ privateKey, publicKey, kid: this.key.kid }, claims);
  }

  /** A Teams activity from `user` in `conversation` (fields as Teams sends them), with `extra` merged over it. */
  activity(user: string, conversation: TeamsConversation, extra: Record<string, unknown>): Record<string, unknown> {
    const who = this.cloud.teams.user(user);
    const conversationType = conversation.kind === 'personal' ? 'personal' : conversation.kind;
    return {
      id: `1${Date.now()}${Math.floor(Math.random() * 1000)}`,
      channelId: 'msteams',
      serviceUrl: this.cloud.teams.serviceUrl,
      timestamp: new Date().toISOString(),
      localTimestamp: new Date().toISOString(),
      from: { id: who.id, name: who.name, aadObjectId: who.aadObjectId },
      recipient: { id: `28:${this.cloud.bot.appId}`, name: this.cloud.bot.name },
      conversation: {
        id: conversation.id,
        conversationType,
        tenantId: this.cloud.tenantId,
        ...(conversation.kind === 'personal' ? {} : { isGroup: true }),
      },
      channelData: {
        tenant: { id: this.cloud.tenantId },
        ...(conversation.teamId
          ? { team: { id: conversation.teamId, name: conversation.teamName }, channel: { id: conversation.id } }
          : {}),
      },
      locale: 'en-US',
      ...extra,
    };
  }

  /** POSTs `activity` to `endpoint` with a channel token for the activity's serviceUrl. Rejects on network errors. */
  async post(endpoint: string, activity: Record<string, unknown>, tweaks: TokenTweaks = {}): Promise<PostResult> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (!tweaks.unsigned) headers.authorization = `Bearer ${this.token(String(activity.serviceUrl), tweaks)}`;
    const res = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify(activity) });
    const text = await res.text();
    let body: unknown = text || undefined;
    if (text) {
      try {
        body = JSON.parse(text) as unknown;
      } catch (err) {
        if (!(err instanceof SyntaxError)) throw err;
      }
    }
    return { status: res.status, body };
  }
}

/** A new `signin/tokenExchange` id, shaped like Teams' (a GUID). */
export function exchangeId(): string {
  return randomUUID();
}
