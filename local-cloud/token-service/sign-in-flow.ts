/**
 * Pending sign-ins of the token service (in memory): the ticket a sign-in link carries (what GetSignInResource
 * was asked for: connection, conversation, user), and the magic codes a completed sign-in yields, each valid
 * once and for ten minutes, for the user and connection it was issued for.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { SignedInUser } from './user-token-store';

export interface SignInTicket {
  connectionName: string;
  msAppId: string;
  /** The conversation user's id (the activity's from.id) the token will be stored for. */
  userId: string;
  channelId: string;
  createdAt: number;
}

interface PendingCode {
  ticket: SignInTicket;
  user: SignedInUser;
  createdAt: number;
}

const TTL_MS = 10 * 60_000;

export class SignInFlow {
  private readonly tickets = new Map<string, SignInTicket>();
  private readonly codes = new Map<string, PendingCode>();

  /** A new ticket id for a sign-in link (expired tickets and codes are dropped first). */
  open(ticket: Omit<SignInTicket, 'createdAt'>): string {
    const cutoff = Date.now() - TTL_MS;
    for (const [k, t] of this.tickets) if (t.createdAt <= cutoff) this.tickets.delete(k);
    for (const [k, c] of this.codes) if (c.createdAt <= cutoff) this.codes.delete(k);
    const id = randomBytes(18).toString('base64url');
    this.tickets.set(id, { ...ticket, createdAt: Date.now() });
    return id;
  }

  ticket(id: string): SignInTicket | undefined {
    const t = this.tickets.get(id);
    return t && Date.now() - t.createdAt < TTL_MS ? t : undefined;
  }

  /** Completes a ticket as `user`: returns a six-digit magic code (the ticket is used up). */
  complete(id: string, user: SignedInUser): string | undefined {
    const ticket = this.ticket(id);
    if (!ticket) return undefined;
    this.tickets.delete(id);
    let code: string;
    do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    while (this.codes.has(code));
    this.codes.set(code, { ticket, user, createdAt: Date.now() });
    return code;
  }

  /** Redeems a magic code for (userId, connection, channel); undefined when wrong, used or expired. */
  redeem(code: string, userId: string, connectionName: string, channelId: string): SignedInUser | undefined {
    const p = this.codes.get(code);
    if (!p || Date.now() - p.createdAt >= TTL_MS) return undefined;
    const t = p.ticket;
    if (
      t.userId !== userId ||
      t.channelId !== channelId ||
      t.connectionName.toLowerCase() !== connectionName.toLowerCase()
    )
      return undefined;
    this.codes.delete(code);
    return p.user;
  }
}
