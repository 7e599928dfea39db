-- The district's people and structure as rostered (OneRoster), the CCMR attributes of each
-- student, the evidence that decides readiness, and the computed results.
-- Personal fields are *_enc (AES-256-GCM ciphertext, see store/field-cipher.ts) with a keyed
-- hash *_bidx where lookups need one. Row ids are derived from the OneRoster sourcedId by the
-- application (store/row-id.ts), so re-running an upsert always lands on the same row.

CREATE TABLE orgs (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL,
  sourced_id text NOT NULL,
  org_type text NOT NULL,
  name text NOT NULL,
  identifier text,
  parent_sourced_id text,
  status text NOT NULL DEFAULT 'active',
  source_modified_at timestamptz,
  deleted_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, sourced_id)
);
SELECT enable_tenant_isolation('orgs');

CREATE TABLE academic_sessions (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL,
  sourced_id text NOT NULL,
  title text NOT NULL,
  session_type text NOT NULL,
  start_date date,
  end_date date,
  parent_sourced_id text,
  school_year integer,
  status text NOT NULL DEFAULT 'active',
  source_modified_at timestamptz,
  deleted_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, sourced_id)
);
SELECT enable_tenant_isolation('academic_sessions');

CREATE TABLE courses (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL,
  sourced_id text NOT NULL,
  title text NOT NULL,
  course_code text,
  org_sourced_id text,
  subjects text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'active',
  source_modified_at timestamptz,
  deleted_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, sourced_id)
);
SELECT enable_tenant_isolation('courses');

CREATE TABLE classes (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL,
  sourced_id text NOT NULL,
  title text NOT NULL,
  class_code text,
  course_sourced_id text,
  school_sourced_id text,
  term_sourced_ids text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'active',
  source_modified_at timestamptz,
  deleted_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, sourced_id)
);
SELECT enable_tenant_isolation('classes');

-- Everyone rostered: students, teachers, counselors, administrators.
CREATE TABLE people (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL,
  sourced_id text NOT NULL,
  role text NOT NULL,
  given_name_enc bytea,
  family_name_enc bytea,
  email_enc bytea,
  email_bidx bytea,
  local_id_enc bytea,
  local_id_bidx bytea,
  state_id_enc bytea,
  state_id_bidx bytea,
  birth_date_enc bytea,
  demographics_enc bytea,
  name_birth_bidx bytea,
  lti_subject_bidx bytea,
  org_sourced_ids text[] NOT NULL DEFAULT '{}',
  grades text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'active',
  source_modified_at timestamptz,
  deleted_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, sourced_id)
);
SELECT enable_tenant_isolation('people');
CREATE INDEX people_email_bidx ON people (tenant_id, email_bidx);
CREATE INDEX people_local_id_bidx ON people (tenant_id, local_id_bidx);
CREATE INDEX people_state_id_bidx ON people (tenant_id, state_id_bidx);
CREATE INDEX people_name_birth_bidx ON people (tenant_id, name_birth_bidx);
CREATE INDEX people_lti_subject_bidx ON people (tenant_id, lti_subject_bidx);

CREATE TABLE enrollments (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL,
  sourced_id text NOT NULL,
  class_sourced_id text NOT NULL,
  user_sourced_id text NOT NULL,
  school_sourced_id text,
  role text NOT NULL,
  is_primary boolean NOT NULL DEFAULT false,
  begin_date date,
  end_date date,
  status text NOT NULL DEFAULT 'active',
  source_modified_at timestamptz,
  deleted_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, sourced_id)
);
SELECT enable_tenant_isolation('enrollments');
CREATE INDEX enrollments_class ON enrollments (tenant_id, class_sourced_id);
CREATE INDEX enrollments_user ON enrollments (tenant_id, user_sourced_id);

-- The CCMR attributes of a student (ccmr-rules.md §3) that rosters do not carry: graduation,
-- plan, program participation. Filled by imports and by staff.
CREATE TABLE students (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  person_id uuid NOT NULL,
  campus_org_id uuid,
  graduation_year integer,
  grade_level integer,
  graduated boolean NOT NULL DEFAULT false,
  graduation_date date,
  grade9_start_date date,
  school_year_end_date date,
  econ_disadv boolean NOT NULL DEFAULT false,
  sped_in_graduation_year boolean NOT NULL DEFAULT false,
  graduation_type_code text,
  graduation_plan text,
  grade12_attended_last_six_weeks boolean NOT NULL DEFAULT false,
  iep_continuer boolean NOT NULL DEFAULT false,
  ps_enrolled_by_10th_day_fall boolean NOT NULL DEFAULT false,
  asvab_afqt integer,
  program text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, person_id)
);
SELECT enable_tenant_isolation('students');
CREATE INDEX students_campus_year ON students (tenant_id, campus_org_id, graduation_year);

-- One piece of readiness evidence in the shape of its ccmr-rules.md §3 array element.
-- kind: tsia1, tsia2, sat, act, college_prep, ap_exam, ib_exam, dual_credit, onramps,
-- associate_degree, ibc, level_certificate, enlistment, pending (scheduled or in progress).
CREATE TABLE evidence (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL,
  person_id uuid NOT NULL,
  kind text NOT NULL,
  data jsonb NOT NULL,
  source text NOT NULL,
  import_id uuid,
  fingerprint text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, fingerprint)
);
SELECT enable_tenant_isolation('evidence');
CREATE INDEX evidence_person ON evidence (tenant_id, person_id);

-- The latest evaluation of each student, with a hash of the inputs it was computed from.
CREATE TABLE student_results (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  person_id uuid NOT NULL,
  accountability_year integer NOT NULL,
  result jsonb NOT NULL,
  ccmr_met boolean NOT NULL,
  inputs_hash text NOT NULL,
  computed_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, person_id)
);
SELECT enable_tenant_isolation('student_results');
