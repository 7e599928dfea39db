-- Privacy: each district's contract parameters (privacy-checklist.md, "Per-tenant contract
-- parameters"), data requests with their deadlines, non-identifying deletion records, disposal
-- certificates, signed audit checkpoints, and a trigger that keeps the audit trail append-only
-- even for the schema owner.

CREATE TABLE privacy_contracts (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
  breach_notice_hours integer NOT NULL DEFAULT 72 CHECK (breach_notice_hours > 0),
  lea_request_response_days integer NOT NULL DEFAULT 45 CHECK (lea_request_response_days > 0),
  deletion_on_request_days integer NOT NULL DEFAULT 60 CHECK (deletion_on_request_days > 0),
  withdrawn_student_grace_days integer CHECK (withdrawn_student_grace_days >= 0),
  audit_retention_days integer NOT NULL DEFAULT 365 CHECK (audit_retention_days >= 365),
  min_cell_size integer NOT NULL DEFAULT 5 CHECK (min_cell_size >= 1),
  sensitive_numerator_min integer NOT NULL DEFAULT 10 CHECK (sensitive_numerator_min >= 1),
  k_anonymity_k integer NOT NULL DEFAULT 5 CHECK (k_anonymity_k >= 2),
  session_idle_minutes integer NOT NULL DEFAULT 30 CHECK (session_idle_minutes BETWEEN 1 AND 720),
  session_absolute_hours integer NOT NULL DEFAULT 12 CHECK (session_absolute_hours BETWEEN 1 AND 24),
  breach_contact text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
SELECT enable_tenant_isolation('privacy_contracts');

-- A request filed by a verified district administrator. The student is known only by a keyed
-- hash, so the request record survives the student's deletion without identifying them.
CREATE TABLE data_requests (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('export', 'correct', 'delete')),
  subject_hash text NOT NULL,
  requested_by text,
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'completed', 'failed')),
  received_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  completed_at timestamptz,
  outcome jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (tenant_id, id)
);
SELECT enable_tenant_isolation('data_requests');
CREATE INDEX data_requests_due ON data_requests (tenant_id, status, due_at);

-- What remains of a deleted student: a keyed hash, the scope and the counts removed.
CREATE TABLE deletion_records (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL,
  subject_hash text NOT NULL,
  scope text NOT NULL CHECK (scope IN ('student')),
  request_id uuid,
  deleted_at timestamptz NOT NULL,
  removed jsonb NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
SELECT enable_tenant_isolation('deletion_records');

-- The certificate of disposal issued when a district leaves; counts, key ids and hashes only.
CREATE TABLE disposal_certificates (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL,
  mode text NOT NULL CHECK (mode IN ('delete', 'deidentify')),
  issued_at timestamptz NOT NULL,
  certificate jsonb NOT NULL,
  certificate_sha256 text NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
SELECT enable_tenant_isolation('disposal_certificates');

-- Heads of the audit chain, signed with a key derived from the district's data key (which the
-- database alone cannot unwrap), so a truncated or rewritten chain no longer matches them.
CREATE TABLE audit_checkpoints (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  seq bigint NOT NULL,
  hash text NOT NULL,
  signature text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, seq)
);
SELECT enable_tenant_isolation('audit_checkpoints');
REVOKE UPDATE, DELETE, TRUNCATE ON audit_checkpoints FROM ccmr_app;

-- Refuses any change to the audit trail, whoever asks. Only offboarding disposes of a whole
-- district's trail, by setting ccmr.audit_disposal for its own transaction; an attacker with
-- owner rights can still disable this trigger, which is what the hash chain and the signed
-- checkpoints are for (privacy-checklist.md R25).
CREATE FUNCTION refuse_audit_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'TRUNCATE') AND current_setting('ccmr.audit_disposal', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the audit trail is append-only (% refused)', TG_OP USING ERRCODE = '42501';
END
$$;

CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
