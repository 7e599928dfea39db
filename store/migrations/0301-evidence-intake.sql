-- Evidence intake: one row per imported file, the rows no student matched with certainty (for
-- staff to resolve), per-district column mappings for vendor layouts that differ from our
-- templates, TEA CCMR Tracker rows kept for reconciliation, and loaded versions of the TEA IBC
-- list (reference data shared by every district).

CREATE TABLE evidence_imports (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL,
  import_type text NOT NULL,
  file_sha256 text NOT NULL,
  row_count integer NOT NULL,
  applied_count integer NOT NULL,
  unmatched_count integer NOT NULL,
  affected_person_ids uuid[] NOT NULL DEFAULT '{}',
  actor_type text NOT NULL,
  actor_id text,
  imported_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
SELECT enable_tenant_isolation('evidence_imports');

CREATE TABLE evidence_unmatched (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL,
  import_id uuid NOT NULL,
  import_type text NOT NULL,
  row_number integer NOT NULL,
  reason text NOT NULL,
  candidate_person_id uuid,
  identity_enc bytea,
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'dismissed')),
  resolved_person_id uuid,
  resolved_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
SELECT enable_tenant_isolation('evidence_unmatched');
CREATE INDEX evidence_unmatched_open ON evidence_unmatched (tenant_id, status);

CREATE TABLE evidence_column_mappings (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  import_type text NOT NULL,
  mapping jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, import_type)
);
SELECT enable_tenant_isolation('evidence_column_mappings');

CREATE TABLE tea_tracker_rows (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  person_id uuid NOT NULL,
  indicators jsonb NOT NULL,
  import_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, person_id)
);
SELECT enable_tenant_isolation('tea_tracker_rows');

-- System table: TEA publishes one IBC list for the whole state.
CREATE TABLE ibc_list_versions (
  version text PRIMARY KEY,
  entries jsonb NOT NULL,
  loaded_at timestamptz NOT NULL
);
