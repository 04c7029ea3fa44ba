/** One numbered schema change. Versions are applied in order, each exactly once, and never edited once shipped. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * The store's schema, as numbered migrations. The same SQL runs on PGlite and PostgreSQL.
 * Timestamps are timestamptz, ids are text (UUIDs made by the application), counters are integer (int4) so both
 * drivers return numbers.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'access requests and their card copies',
    sql: `
CREATE TABLE access_requests (
  id                  text PRIMARY KEY,
  requester_id        text NOT NULL,
  requester_upn       text NOT NULL,
  requester_name      text NOT NULL,
  group_id            text NOT NULL,
  group_name          text NOT NULL,
  justification       text NOT NULL DEFAULT '',
  duration_days       integer CHECK (duration_days IS NULL OR duration_days > 0),
  state               text NOT NULL CHECK (state IN
                        ('pending', 'approving', 'approved', 'denied', 'cancelled', 'expired', 'failed')),
  decided_by_id       text,
  decided_by_name     text,
  decided_at          timestamptz,
  reason              text,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  expires_at          timestamptz NOT NULL,
  reminded_at         timestamptz,
  reminder_count      integer NOT NULL DEFAULT 0,
  merged_count        integer NOT NULL DEFAULT 0,
  claimed_until       timestamptz,
  attempts            integer NOT NULL DEFAULT 0,
  outcome_notified_at timestamptz,
  version             integer NOT NULL DEFAULT 1
);
-- At most one open (pending or approving) request per requester and group: a second one merges into it.
CREATE UNIQUE INDEX access_requests_open_uq ON access_requests (requester_id, group_id)
  WHERE state IN ('pending', 'approving');
CREATE INDEX access_requests_requester_ix ON access_requests (requester_id, created_at DESC);
CREATE INDEX access_requests_group_state_ix ON access_requests (group_id, state);
CREATE INDEX access_requests_pending_expiry_ix ON access_requests (expires_at) WHERE state = 'pending';

CREATE TABLE request_cards (
  request_id      text NOT NULL REFERENCES access_requests (id) ON DELETE CASCADE,
  conversation_id text NOT NULL,
  activity_id     text NOT NULL,
  user_id         text,
  role            text NOT NULL CHECK (role IN ('requester', 'approver')),
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (request_id, conversation_id, activity_id)
);

CREATE TABLE conversation_references (
  user_id    text PRIMARY KEY,
  reference  jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'time-bound memberships and the journal',
    sql: `
CREATE TABLE timebound_memberships (
  id              text PRIMARY KEY,
  group_id        text NOT NULL,
  group_name      text NOT NULL,
  user_id         text NOT NULL,
  user_name       text NOT NULL,
  request_id      text REFERENCES access_requests (id) ON DELETE SET NULL,
  granted_by_id   text,
  granted_by_name text,
  expires_at      timestamptz NOT NULL,
  notified_at     timestamptz,
  removed_at      timestamptz,
  claimed_until   timestamptz,
  attempts        integer NOT NULL DEFAULT 0,
  last_error      text,
  created_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX timebound_memberships_active_uq ON timebound_memberships (group_id, user_id)
  WHERE removed_at IS NULL;
CREATE INDEX timebound_memberships_due_ix ON timebound_memberships (expires_at) WHERE removed_at IS NULL;

CREATE TABLE journal (
  seq               integer GENERATED ALWAYS AS IDENTITY,
  id                text PRIMARY KEY,
  at                timestamptz NOT NULL,
  action            text NOT NULL,
  actor_id          text NOT NULL,
  actor_name        text NOT NULL,
  requested_by_id   text,
  requested_by_name text,
  approved_by_id    text,
  approved_by_name  text,
  token_of_id       text,
  group_id          text,
  group_name        text,
  target_id         text,
  target_name       text,
  request_id        text,
  graph_method      text,
  graph_path        text,
  result            text NOT NULL CHECK (result IN ('succeeded', 'failed', 'no-op')),
  status            integer,
  detail            text,
  undo              jsonb,
  undo_until        timestamptz,
  undone_at         timestamptz,
  undone_by_id      text,
  undone_by_name    text
);
CREATE UNIQUE INDEX journal_seq_uq ON journal (seq);
CREATE INDEX journal_group_ix ON journal (group_id, seq DESC);
CREATE INDEX journal_undo_ix ON journal (actor_id, undo_until) WHERE undo IS NOT NULL AND undone_at IS NULL;
`,
  },
  {
    version: 3,
    name: 'key/value bot state',
    sql: `
CREATE SEQUENCE kv_etag_seq;
CREATE TABLE kv (
  key        text PRIMARY KEY,
  value      text NOT NULL,
  etag       text NOT NULL,
  updated_at timestamptz NOT NULL
);
`,
  },
  {
    version: 4,
    name: 'expiring key/value entries (pending operations)',
    sql: `
ALTER TABLE kv ADD COLUMN expires_at timestamptz;
CREATE INDEX kv_expires_ix ON kv (expires_at) WHERE expires_at IS NOT NULL;
`,
  },
  {
    version: 5,
    name: 'journal rows record values before and after, not Graph calls',
    sql: `
-- New rows describe a change in the journal's own terms (action, group, target, values before and after) and
-- keep their Undo as a typed operation in undo; graph_method and graph_path stay for rows written before.
ALTER TABLE journal ADD COLUMN before_values jsonb;
ALTER TABLE journal ADD COLUMN after_values jsonb;
`,
  },
  {
    version: 6,
    name: 'watched groups and their membership history',
    sql: `
-- Object ids in history rows are small integers from history_ids (a GUID once, 4 bytes per use).
CREATE TABLE history_ids (
  n         integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  object_id text NOT NULL UNIQUE,
  name      text
);
-- Who watches which group, since when.
CREATE TABLE watched_groups (
  group_id     text NOT NULL,
  watcher_id   text NOT NULL,
  watcher_name text NOT NULL,
  group_name   text NOT NULL,
  since        timestamptz NOT NULL,
  PRIMARY KEY (group_id, watcher_id)
);
CREATE INDEX watched_groups_watcher_ix ON watched_groups (watcher_id);
-- One delta cursor per watched group, whoever watches it: one delta round per group per interval.
CREATE TABLE history_cursors (
  group_id      text PRIMARY KEY,
  group_n       integer NOT NULL,
  delta_link    text,
  history_from  timestamptz,
  polled_at     timestamptz,
  last_at       timestamptz,
  claimed_until timestamptz,
  since_checkpoint integer NOT NULL DEFAULT 0,
  last_error    text
);
-- flags: 1 = added (else removed), 2 = owner (else member), 4 = baseline (state when watching began),
-- 8 = made through groupbot (its journal entry is the richer record).
CREATE TABLE membership_events (
  id       bigint GENERATED BY DEFAULT AS IDENTITY,
  group_n  integer NOT NULL,
  at       timestamptz NOT NULL,
  member_n integer NOT NULL,
  flags    smallint NOT NULL,
  actor_n  integer
);
CREATE INDEX membership_events_ix ON membership_events (group_n, at, id);
-- The whole membership of a group after every event up to and including event id upto.
CREATE TABLE membership_checkpoints (
  group_n integer NOT NULL,
  at      timestamptz NOT NULL,
  upto    bigint NOT NULL,
  members integer[] NOT NULL,
  owners  integer[] NOT NULL,
  PRIMARY KEY (group_n, upto)
);
`,
  },
  {
    version: 7,
    name: 'journal entries by the person who made them',
    sql: `
-- "what did I change today": one person's entries across groups, newest first.
CREATE INDEX journal_actor_seq_ix ON journal (actor_id, seq DESC);
`,
  },
  {
    version: 8,
    name: 'old shapes of Undo and of pending operations dropped',
    sql: `
-- Formats that never shipped are dropped, not migrated (there is no user data to keep):
-- 1. Journal entries whose Undo was stored as a Graph call ({ method, path, body }) keep their history but lose the
--    Undo (undo and undo_until cleared); the Graph-call columns nothing reads any more go.
UPDATE journal SET undo = NULL, undo_until = NULL WHERE undo ? 'method' OR undo ? 'path';
ALTER TABLE journal DROP COLUMN graph_method;
ALTER TABLE journal DROP COLUMN graph_path;
-- 2. Pending operations (kv rows 'pending-operation:<id>', a day at most) stored with a string-keyed flags bag
--    instead of a typed continuation are deleted; their cards then answer that the operation expired.
DELETE FROM kv
 WHERE key LIKE 'pending-operation:%'
   AND value::jsonb ? 'flags'
   AND NOT value::jsonb ? 'continuation';
`,
  },
];
