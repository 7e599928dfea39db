-- LTI 1.3: the tool's signing keys, platform registrations and deployments, login states and
-- launch sessions. The routing tables below are read before the district is known (a login or a
-- launch names only an issuer, a client and a deployment), so they are system tables without
-- row-level security; the district they belong to is `owner_tenant_id`. They hold no student
-- data. What a launch learned about the person lives in `lti_launches`, under tenant isolation.

-- The tool's RS256 key pairs. The private key is encrypted with the field cipher of the system
-- district (see lti/tool-keys.ts); public keys stay published until retire_after has passed.
CREATE TABLE lti_tool_keys (
  kid text PRIMARY KEY,
  public_jwk jsonb NOT NULL,
  private_key_enc bytea NOT NULL,
  created_at timestamptz NOT NULL,
  superseded_at timestamptz,
  retire_after timestamptz
);

-- One row per (issuer, client_id): how to reach and trust a platform.
CREATE TABLE lti_registrations (
  id uuid PRIMARY KEY,
  owner_tenant_id uuid NOT NULL REFERENCES tenants (id),
  issuer text NOT NULL,
  client_id text NOT NULL,
  auth_url text NOT NULL,
  token_url text NOT NULL,
  jwks_url text NOT NULL,
  authorization_server text,
  product_family text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'pending', 'disabled')),
  created_at timestamptz NOT NULL,
  UNIQUE (issuer, client_id)
);

-- A deployment belongs to exactly one district.
CREATE TABLE lti_deployments (
  registration_id uuid NOT NULL REFERENCES lti_registrations (id),
  deployment_id text NOT NULL,
  owner_tenant_id uuid NOT NULL REFERENCES tenants (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (registration_id, deployment_id)
);

-- Codes an administrator hands to a platform's Dynamic Registration to join a district.
CREATE TABLE lti_registration_invites (
  code_hash bytea PRIMARY KEY,
  owner_tenant_id uuid NOT NULL REFERENCES tenants (id),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

-- OIDC login states (Security Framework §5.1.1.1): state and nonce, single use, short-lived.
-- pending_id_token holds a launch's id_token only while the browser proves, through platform
-- storage, that it started the login (cookie-less launches); it is cleared on use.
CREATE TABLE lti_login_states (
  state_hash bytea PRIMARY KEY,
  nonce text NOT NULL,
  registration_id uuid NOT NULL REFERENCES lti_registrations (id),
  target_link_uri text NOT NULL,
  uses_platform_storage boolean NOT NULL DEFAULT false,
  pending_id_token text,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  consumed_at timestamptz
);
CREATE INDEX lti_login_states_expires ON lti_login_states (expires_at);

-- Launch sessions: found by the hash of their token before the district is known.
CREATE TABLE lti_sessions (
  id uuid PRIMARY KEY,
  token_hash bytea NOT NULL UNIQUE,
  owner_tenant_id uuid NOT NULL REFERENCES tenants (id),
  transport text NOT NULL CHECK (transport IN ('cookie', 'query')),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  idle_expires_at timestamptz NOT NULL,
  absolute_expires_at timestamptz NOT NULL
);
CREATE INDEX lti_sessions_expires ON lti_sessions (absolute_expires_at);

-- What a launch established: the viewer, the context and, for deep linking, where to return.
CREATE TABLE lti_launches (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL,
  registration_id uuid NOT NULL,
  deployment_id text NOT NULL,
  message_type text NOT NULL,
  viewer jsonb NOT NULL,
  context jsonb NOT NULL DEFAULT '{}'::jsonb,
  deep_linking jsonb,
  widget text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
SELECT enable_tenant_isolation('lti_launches');

-- A district's own mapping of LTI role URIs to product roles, consulted before the defaults.
CREATE TABLE lti_role_mappings (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  lti_role text NOT NULL,
  viewer_role text NOT NULL CHECK (viewer_role IN
    ('teacher', 'counselor', 'campus_admin', 'district_admin', 'student', 'none')),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, lti_role)
);
SELECT enable_tenant_isolation('lti_role_mappings');
