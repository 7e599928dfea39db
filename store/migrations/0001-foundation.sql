-- Foundation: the application role, tenants, per-tenant data keys, the audit trail, and the
-- helper that puts a tenant-owned table under forced row-level security.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ccmr_app') THEN
    CREATE ROLE ccmr_app NOLOGIN;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO ccmr_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ccmr_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ccmr_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO ccmr_app;

-- The district of the current transaction, or NULL when none was set: a NULL never equals a
-- tenant_id, so a query with no tenant sees no tenant-owned row.
CREATE FUNCTION app_tenant() RETURNS uuid
LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.tenant_id', true), '')::uuid
$$;

-- Every tenant-owned table calls this once in its migration.
CREATE FUNCTION enable_tenant_isolation(target regclass) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s USING (tenant_id = app_tenant()) '
    'WITH CHECK (tenant_id = app_tenant())', target);
END
$$;

-- System table: the routing table of districts. Readable without a tenant so a launch can find
-- its district; it holds no student data.
CREATE TABLE tenants (
  id uuid PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  name text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'offboarded')),
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  offboarded_at timestamptz
);

-- Each district's data keys, wrapped (encrypted) by a master key from configuration.
CREATE TABLE tenant_keys (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  version integer NOT NULL,
  wrapped_key bytea NOT NULL,
  master_key_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  rewrapped_at timestamptz,
  PRIMARY KEY (tenant_id, version)
);
SELECT enable_tenant_isolation('tenant_keys');

-- Append-only, hash-chained record of every read and change of student data.
CREATE TABLE audit_events (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  seq bigint NOT NULL,
  id uuid NOT NULL UNIQUE,
  occurred_at timestamptz NOT NULL,
  actor_type text NOT NULL,
  actor_id text,
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id text,
  launch_id text,
  outcome text NOT NULL DEFAULT 'ok',
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (tenant_id, seq)
);
SELECT enable_tenant_isolation('audit_events');
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ccmr_app;

-- The head of each district's chain: the row lock on it orders concurrent appends.
CREATE TABLE audit_heads (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
  seq bigint NOT NULL,
  hash text NOT NULL
);
SELECT enable_tenant_isolation('audit_heads');
REVOKE DELETE, TRUNCATE ON audit_heads FROM ccmr_app;

-- Events that concern no district yet (a launch rejected before its deployment is known).
CREATE TABLE system_audit_events (
  id uuid PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  action text NOT NULL,
  outcome text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
REVOKE UPDATE, DELETE, TRUNCATE ON system_audit_events FROM ccmr_app;
