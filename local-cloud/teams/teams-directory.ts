/**
 * Teams' view of the tenant: its users (the demo tenant's enabled users, with stable Teams ids), the fixed
 * conversations (each user's 1:1 chat with the bot, one group chat, one team with two channels), and the state
 * that persists in `<dataDir>/teams.json`: personal installs, the conversations the bot was added to, and the
 * Teams client's behaviour per user. Pure data plus that file; no network.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { DEMO_TENANT_ID, DEMO_USERS } from '../../graph-emulator/seed/demo-tenant';
import { JsonFile } from '../state/json-file';
import type { TeamsConversation, TeamsUser, UserBehaviour } from './teams-client-types';

interface TeamsState {
  /** aadObjectId → installed in personal scope. */
  installed: Record<string, boolean>;
  /** Group chats and channels the bot is a member of. */
  botIn: Record<string, boolean>;
  behaviour: Record<string, Partial<UserBehaviour>>;
  /** The Entra group the team belongs to, when linked to a directory group (`linkTeamToGroup`). */
  teamAadGroupId?: string;
}

const DEFAULT_BEHAVIOUR: UserBehaviour = { consented: true, sso: true, completesSignIn: true };

const GROUP_CHAT_MEMBERS = ['megan', 'alex', 'ana', 'bob', 'olga', 'grace'];
export const TEAM_NAME = 'Contoso Operations';

function hash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('|')).digest('hex');
}

export class TeamsDirectory {
  readonly tenantId = DEMO_TENANT_ID;
  private readonly state: JsonFile<TeamsState>;
  private readonly byKey = new Map<string, TeamsUser>();
  private readonly conversations = new Map<string, TeamsConversation>();
  readonly teamId: string;
  private readonly defaultTeamAadGroupId: string;

  /** Throws on an unreadable state file. */
  constructor(
    dataDir: string,
    readonly botAppId: string,
  ) {
    this.state = new JsonFile<TeamsState>(path.join(dataDir, 'teams.json'), () => ({
      installed: {},
      botIn: {},
      behaviour: {},
    }));
    for (const [key, u] of Object.entries(DEMO_USERS)) {
      if ((u as { accountEnabled?: boolean }).accountEnabled === false) continue;
      this.byKey.set(key, {
        key,
        upn: u.upn,
        name: u.displayName,
        aadObjectId: u.id,
        id: `29:1${hash('user', u.id).slice(0, 40)}`,
      });
    }
    for (const user of this.byKey.values()) {
      const id = `a:1${Buffer.from(hash('personal', botAppId, user.aadObjectId), 'hex').toString('base64url')}`;
      this.conversations.set(id, { id, kind: 'personal', memberIds: [user.aadObjectId] });
    }
    const members = (keys: string[]) => keys.map((k) => this.user(k).aadObjectId);
    const groupId = `19:${hash('groupchat').slice(0, 32)}@thread.v2`;
    this.conversations.set(groupId, {
      id: groupId,
      kind: 'groupChat',
      name: 'Group admins',
      memberIds: members(GROUP_CHAT_MEMBERS),
    });
    const teamMembers = [...this.byKey.values()].filter((u) => !u.upn.includes('#EXT#')).map((u) => u.aadObjectId);
    this.teamId = `19:${hash('team', 'general').slice(0, 32)}@thread.tacv2`;
    this.defaultTeamAadGroupId = '2f9c1d7a-6b3e-4c58-9a0d-7e4f1b2c3d5e';
    const approvals = `19:${hash('team', 'approvals').slice(0, 32)}@thread.tacv2`;
    for (const [id, name] of [
      [this.teamId, 'General'],
      [approvals, 'Approvals'],
    ] as const)
      this.conversations.set(id, {
        id,
        kind: 'channel',
        name,
        teamId: this.teamId,
        teamName: TEAM_NAME,
        memberIds: teamMembers,
      });
  }

  /** The Entra group id of the team (Teams' `channelData.team.aadGroupId`). */
  get teamAadGroupId(): string {
    return this.state.data.teamAadGroupId ?? this.defaultTeamAadGroupId;
  }

  /** Makes the team the team of directory group `aadGroupId` (a Microsoft 365 group's team), persisted. */
  linkTeamToGroup(aadGroupId: string): void {
    this.state.update((s) => {
      s.teamAadGroupId = aadGroupId.toLowerCase();
    });
  }

  users(): TeamsUser[] {
    return [...this.byKey.values()];
  }

  /** By demo key, UPN, Teams id or object id. Throws Error for an unknown user. */
  user(ref: string): TeamsUser {
    const direct = this.byKey.get(ref);
    if (direct) return direct;
    const lower = ref.toLowerCase();
    for (const u of this.byKey.values())
      if (u.upn.toLowerCase() === lower || u.id === ref || u.aadObjectId === lower) return u;
    throw new Error(`local-cloud: no Teams user '${ref}' in the tenant`);
  }

  /** Like user() but undefined for an unknown one. */
  findUser(ref: string): TeamsUser | undefined {
    try {
      return this.user(ref);
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('local-cloud: no Teams user')) return undefined;
      throw err;
    }
  }

  behaviour(ref: string): UserBehaviour {
    return { ...DEFAULT_BEHAVIOUR, ...this.state.data.behaviour[this.user(ref).aadObjectId] };
  }

  setBehaviour(ref: string, change: Partial<UserBehaviour>): void {
    const id = this.user(ref).aadObjectId;
    this.state.update((s) => {
      s.behaviour[id] = { ...s.behaviour[id], ...change };
    });
  }

  /** A conversation by id; a channel thread id (`…;messageid=N`) resolves to its channel. */
  conversation(id: string): TeamsConversation | undefined {
    return this.conversations.get(id) ?? this.conversations.get(id.split(';')[0] as string);
  }

  personal(ref: string): TeamsConversation {
    const oid = this.user(ref).aadObjectId;
    for (const c of this.conversations.values()) if (c.kind === 'personal' && c.memberIds[0] === oid) return c;
    throw new Error(`local-cloud: no personal chat for '${ref}'`);
  }

  groupChat(): TeamsConversation {
    return [...this.conversations.values()].find((c) => c.kind === 'groupChat') as TeamsConversation;
  }

  channels(): TeamsConversation[] {
    return [...this.conversations.values()].filter((c) => c.kind === 'channel');
  }

  isInstalled(ref: string): boolean {
    return this.state.data.installed[this.user(ref).aadObjectId] === true;
  }

  setInstalled(ref: string, installed: boolean): void {
    const id = this.user(ref).aadObjectId;
    this.state.update((s) => {
      if (installed) s.installed[id] = true;
      else delete s.installed[id];
    });
  }

  /** Whether the bot may post to the conversation: installed for the personal chat's user, or added to it. */
  botIsMember(conversationId: string): boolean {
    const c = this.conversation(conversationId);
    if (!c) return false;
    if (c.kind === 'personal') return this.state.data.installed[c.memberIds[0] as string] === true;
    const key = c.kind === 'channel' ? (c.teamId as string) : c.id;
    return this.state.data.botIn[key] === true;
  }

  setBotMember(conversationId: string, member: boolean): void {
    const c = this.conversation(conversationId);
    if (!c || c.kind === 'personal') throw new Error(`local-cloud: '${conversationId}' is not a group chat or channel`);
    const key = c.kind === 'channel' ? (c.teamId as string) : c.id;
    this.state.update((s) => {
      if (member) s.botIn[key] = true;
      else delete s.botIn[key];
    });
  }

  /** The member record Teams' connector returns (TeamsChannelAccount). */
  memberRecord(u: TeamsUser): Record<string, unknown> {
    const demo = Object.values(DEMO_USERS).find((d) => d.id === u.aadObjectId);
    return {
      id: u.id,
      name: u.name,
      aadObjectId: u.aadObjectId,
      givenName: demo?.givenName,
      surname: demo?.surname,
      email: (demo as { mail?: string } | undefined)?.mail ?? u.upn,
      userPrincipalName: u.upn,
      tenantId: this.tenantId,
      userRole: u.upn.includes('#EXT#') ? 'guest' : 'user',
    };
  }
}
