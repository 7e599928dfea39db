-- Industry-based certifications (TEA IBC list) a student took or earned, as staff or imports
-- record them. Each change bumps `version`, so the Skyward write-back of every change carries a
-- record id and version that a re-sent line can be recognised by (docs/skyward.md).
CREATE TABLE certifications (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL,
  person_id uuid NOT NULL,
  ibc_code text NOT NULL,
  vendor_code text,
  exam_fee_cents integer CHECK (exam_fee_cents BETWEEN 0 AND 99999),
  result_code text NOT NULL,
  exam_date date,
  earned_date date,
  school_year integer NOT NULL,
  campus_org_id uuid,
  aligned_pos_status text NOT NULL DEFAULT 'none'
    CHECK (aligned_pos_status IN ('none', 'level2_course', 'concentrator', 'completer')),
  lists text[] NOT NULL DEFAULT '{}',
  receipt_file_id text,
  source text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  deleted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
SELECT enable_tenant_isolation('certifications');
CREATE INDEX certifications_person ON certifications (tenant_id, person_id);
