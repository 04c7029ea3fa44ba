/**
 * The Microsoft 365 Agents Playground config (schema 0.1.1) for local mode: the Playground's people are demo
 * tenant users, so that the bot maps each chat user (by aadObjectId) onto a directory user of the Graph
 * emulator. Megan Bowen (Global Administrator) is the current user; the five other users are an owner of
 * SecurityGroup101 (Bob), a plain user (Ana), other group owners (Olga, Lee) and a Groups Administrator (Grace).
 * The start command writes this file into the data directory and points M365_AGENTS_PLAYGROUND_CONFIG_PATH at it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'yaml';
import {
  DEMO_GROUPS,
  DEMO_TENANT_ID,
  DEMO_USERS,
  type DemoUser,
  type DemoUserKey,
} from '../../graph-emulator/seed/demo-tenant';

/** A Playground user (note the Playground's own spelling `userPrincipleName`). */
export interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

export interface PlaygroundConfig {
  version: '0.1.1';
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  /** Exactly five: the Playground refuses any other count. */
  users: PlaygroundUser[];
  personalChat: { id: string };
  groupChat: { id: string; name: string };
  team: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] };
}

/** The bot's id in Playground activities (recipient.id, the id to @mention). */
export const PLAYGROUND_BOT_ID = '28:7f3c2a9e-5b1d-4e8f-a6c0-2d9b8e1f4a37';
export const PLAYGROUND_BOT_NAME = 'groupbot';
/** Fixed conversation ids, so tests and scripts can address each chat. */
export const PLAYGROUND_PERSONAL_CHAT_ID = 'groupbot-personal-chat';
export const PLAYGROUND_GROUP_CHAT_ID = 'groupbot-group-chat';
export const PLAYGROUND_TEAM_ID = 'groupbot-team-general';
export const PLAYGROUND_CHANNEL_ID = 'groupbot-team-requests';

/** The current user: a Global Administrator. */
export const PLAYGROUND_CURRENT_USER: DemoUserKey = 'megan';
/** The five other users, in the Playground's order. */
export const PLAYGROUND_OTHER_USERS: readonly DemoUserKey[] = ['bob', 'ana', 'olga', 'lee', 'grace'];

/** The Playground user id (Teams channel account id) for a demo user key. Never throws. */
export function playgroundUserId(key: DemoUserKey): string {
  return `29:groupbot-${key}`;
}

function toPlaygroundUser(key: DemoUserKey): PlaygroundUser {
  const user: DemoUser = DEMO_USERS[key];
  return {
    id: playgroundUserId(key),
    name: user.displayName,
    userPrincipleName: user.upn,
    aadObjectId: user.id,
    givenName: user.givenName,
    surname: user.surname,
    email: user.mail ?? user.upn,
  };
}

/**
 * Builds the config object from the demo tenant. Pure.
 * @throws Error when the user lists are misconfigured (not five other users, or a user listed twice).
 */
export function buildPlaygroundConfig(): PlaygroundConfig {
  const keys = [PLAYGROUND_CURRENT_USER, ...PLAYGROUND_OTHER_USERS];
  if (PLAYGROUND_OTHER_USERS.length !== 5 || new Set(keys).size !== keys.length) {
    throw new Error('the Agents Playground needs exactly five distinct users besides the current user');
  }
  const teamGroup = DEMO_GROUPS.outlookGroup101;
  return {
    version: '0.1.1',
    tenantId: DEMO_TENANT_ID,
    bot: { id: PLAYGROUND_BOT_ID, name: PLAYGROUND_BOT_NAME },
    currentUser: toPlaygroundUser(PLAYGROUND_CURRENT_USER),
    users: PLAYGROUND_OTHER_USERS.map(toPlaygroundUser),
    personalChat: { id: PLAYGROUND_PERSONAL_CHAT_ID },
    groupChat: { id: PLAYGROUND_GROUP_CHAT_ID, name: 'Group requests' },
    team: {
      id: PLAYGROUND_TEAM_ID,
      name: teamGroup.displayName,
      aadGroupId: teamGroup.id,
      channels: [{ id: PLAYGROUND_CHANNEL_ID, name: 'Requests' }],
    },
  };
}

/** Renders the config as YAML (the `yaml` package; every string double-quoted). Never throws. */
export function playgroundConfigYaml(config: PlaygroundConfig): string {
  const header = [
    '# Microsoft 365 Agents Playground config written by groupbot (bot/local/playground-config.ts).',
    '# Every user is a demo-tenant user of the local Graph emulator; aadObjectId is their directory id.',
  ];
  return `${header.join('\n')}\n${stringify(config, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 })}`;
}

/**
 * Writes the Playground config YAML to `path`, creating its folder, and returns the config written.
 * @throws Error from the file system when the path cannot be written.
 */
export function writePlaygroundConfig(path: string): PlaygroundConfig {
  const config = buildPlaygroundConfig();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, playgroundConfigYaml(config), 'utf8');
  return config;
}
