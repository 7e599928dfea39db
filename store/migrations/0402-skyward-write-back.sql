-- Skyward write-back: each district's SFTP connection, the outbox of certification changes to
-- deliver, the batches (files) they travel in, and the acknowledgement files read back.

-- One connection per district. The private key or password is field-encrypted.
CREATE TABLE skyward_connections (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
  host text NOT NULL,
  port integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
  username text NOT NULL,
  auth_method text NOT NULL CHECK (auth_method IN ('key', 'password')),
  secret_enc bytea NOT NULL,
  host_key_sha256 text,
  remote_folder text NOT NULL,
  ack_folder text,
  file_name_pattern text NOT NULL,
  batch_window_seconds integer NOT NULL DEFAULT 60 CHECK (batch_window_seconds >= 0),
  column_mapping jsonb,
  last_tested_at timestamptz,
  last_test_code text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
SELECT enable_tenant_isolation('skyward_connections');

-- One row per change of a certification (its id and the version the change produced).
CREATE TABLE skyward_outbox (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  certification_id uuid NOT NULL,
  version integer NOT NULL,
  operation text NOT NULL CHECK (operation IN ('upsert', 'delete')),
  person_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'delivered', 'acknowledged', 'failed', 'superseded')),
  batch_id uuid,
  failure_code text,
  failure_reason text,
  enqueued_at timestamptz NOT NULL,
  delivered_at timestamptz,
  acknowledged_at timestamptz,
  PRIMARY KEY (tenant_id, certification_id, version)
);
SELECT enable_tenant_isolation('skyward_outbox');
CREATE INDEX skyward_outbox_status ON skyward_outbox (tenant_id, status, batch_id);
CREATE INDEX skyward_outbox_person ON skyward_outbox (tenant_id, person_id);

-- One file. Its bytes are kept (encrypted) until delivered, so a batch re-sent after a crash is
-- byte-for-byte the same file under the same name.
CREATE TABLE skyward_batches (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL,
  file_name text NOT NULL,
  record_count integer NOT NULL,
  content_enc bytea,
  content_sha256 text NOT NULL,
  status text NOT NULL DEFAULT 'prepared' CHECK (status IN ('prepared', 'delivered')),
  attempts integer NOT NULL DEFAULT 0,
  last_error_code text,
  created_at timestamptz NOT NULL,
  delivered_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);
SELECT enable_tenant_isolation('skyward_batches');

-- Acknowledgement files already reconciled, so reading one twice changes nothing.
CREATE TABLE skyward_acknowledgements (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  file_name text NOT NULL,
  accepted integer NOT NULL,
  rejected integer NOT NULL,
  unmatched integer NOT NULL,
  processed_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, file_name)
);
SELECT enable_tenant_isolation('skyward_acknowledgements');

-- Whether a delivery job is already queued for the district, so a burst of saves queues one.
CREATE TABLE skyward_dispatch (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
  is_job_queued boolean NOT NULL DEFAULT false
);
SELECT enable_tenant_isolation('skyward_dispatch');
