-- OneRoster rostering: the district's connection to its provider, the sync lock and watermark,
-- the history of sync runs (read by the admin view), and the bookkeeping columns that make
-- upserts idempotent and full syncs able to find records that disappeared at the source.

-- One provider per district. Credentials are field-encrypted (bound to the tenant id as row).
CREATE TABLE oneroster_connections (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  version text NOT NULL CHECK (version IN ('1.1', '1.2')),
  base_url text NOT NULL,
  token_url text,
  auth_kind text NOT NULL CHECK (auth_kind IN ('oauth1', 'oauth2')),
  client_id_enc bytea NOT NULL,
  client_secret_enc bytea NOT NULL,
  scopes text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id)
);
SELECT enable_tenant_isolation('oneroster_connections');

-- The lock row (one sync per district at a time) and the delta watermark.
CREATE TABLE oneroster_sync_state (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  watermark timestamptz,
  lock_run_id uuid,
  lock_holder text,
  lock_heartbeat_at timestamptz,
  PRIMARY KEY (tenant_id)
);
SELECT enable_tenant_isolation('oneroster_sync_state');

-- Every sync or import run, with progress while it runs and counts when it ends.
CREATE TABLE oneroster_sync_runs (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL,
  mode text NOT NULL CHECK (mode IN ('full', 'delta', 'csv')),
  state text NOT NULL CHECK (state IN ('running', 'completed', 'failed')),
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  current_entity text,
  processed bigint NOT NULL DEFAULT 0,
  total bigint NOT NULL DEFAULT 0,
  percent integer NOT NULL DEFAULT 0,
  counts jsonb NOT NULL DEFAULT '{}'::jsonb,
  error_code text,
  PRIMARY KEY (tenant_id, id)
);
SELECT enable_tenant_isolation('oneroster_sync_runs');
CREATE INDEX oneroster_sync_runs_started ON oneroster_sync_runs (tenant_id, started_at DESC);

-- source_hash: keyed hash of the mapped source record, so an unchanged record is not rewritten.
-- seen_run_id: the last run that saw the record, so a full sync can soft-delete the absent ones.
ALTER TABLE orgs ADD COLUMN source_hash text;
ALTER TABLE orgs ADD COLUMN seen_run_id uuid;
-- The TEA number: 9-digit campus number for schools, 6-digit district number for the district.
ALTER TABLE orgs ADD COLUMN tea_number text;
ALTER TABLE academic_sessions ADD COLUMN source_hash text;
ALTER TABLE academic_sessions ADD COLUMN seen_run_id uuid;
ALTER TABLE courses ADD COLUMN source_hash text;
ALTER TABLE courses ADD COLUMN seen_run_id uuid;
ALTER TABLE classes ADD COLUMN source_hash text;
ALTER TABLE classes ADD COLUMN seen_run_id uuid;
ALTER TABLE people ADD COLUMN source_hash text;
ALTER TABLE people ADD COLUMN seen_run_id uuid;
ALTER TABLE people ADD COLUMN demographics_hash text;
ALTER TABLE people ADD COLUMN demographics_seen_run_id uuid;
ALTER TABLE enrollments ADD COLUMN source_hash text;
ALTER TABLE enrollments ADD COLUMN seen_run_id uuid;
