-- Switchboard's D1 schema. Timestamps are ISO 8601 UTC instants with
-- milliseconds and a Z, so text order is time order.

-- A workflow: its current draft and a pointer to the latest published
-- version. Published versions live in workflow_versions and never change.
CREATE TABLE workflows (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  draft TEXT NOT NULL,
  draft_revision INTEGER NOT NULL DEFAULT 1,
  published_version INTEGER,
  published_revision INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE workflow_versions (
  workflow_id TEXT NOT NULL REFERENCES workflows (id),
  version INTEGER NOT NULL,
  document TEXT NOT NULL,
  published_at TEXT NOT NULL,
  PRIMARY KEY (workflow_id, version)
);

-- Apps the organization installed, and their configurations (the tenant
-- and credentials an action runs in). Secrets are kept apart from the
-- other settings and are never returned by the API.
CREATE TABLE app_installations (
  app TEXT PRIMARY KEY,
  installed_at TEXT NOT NULL
);

CREATE TABLE app_configurations (
  app TEXT NOT NULL REFERENCES app_installations (app),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  settings TEXT NOT NULL,
  secrets TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (app, id)
);

-- One row per job, written by the job's Durable Object. finished_at stays
-- NULL while the job runs, so retention never removes a running job.
CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  workflow_id TEXT NOT NULL,
  workflow_version INTEGER NOT NULL,
  workflow_title TEXT NOT NULL,
  status TEXT NOT NULL,
  source TEXT NOT NULL,
  entity TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT
);

CREATE INDEX jobs_by_finish ON jobs (finished_at);

-- The execution logs: one row per node execution.
CREATE TABLE log_entries (
  id TEXT PRIMARY KEY,
  job_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  workflow_id TEXT NOT NULL,
  workflow_version INTEGER NOT NULL,
  workflow_title TEXT NOT NULL,
  source TEXT NOT NULL,
  entity TEXT NOT NULL,
  node_id TEXT NOT NULL,
  node_label TEXT NOT NULL,
  node_kind TEXT NOT NULL,
  app TEXT,
  action TEXT,
  status TEXT NOT NULL,
  status_code INTEGER,
  message TEXT NOT NULL,
  details TEXT NOT NULL,
  is_test INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX log_entries_by_time ON log_entries (started_at DESC, id DESC);
CREATE INDEX log_entries_by_status
  ON log_entries (status, started_at DESC, id DESC);
CREATE INDEX log_entries_by_workflow
  ON log_entries (workflow_id, started_at DESC, id DESC);
CREATE INDEX log_entries_by_job ON log_entries (job_id, seq);
