-- A counter per district that moves whenever anything the widgets aggregate changes: stored
-- results, students, evidence, certifications. The campus dashboard caches its aggregates per
-- value of this counter, so a request reads one row instead of re-counting thousands.
CREATE TABLE views_results_versions (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  version bigint NOT NULL DEFAULT 0,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id)
);
SELECT enable_tenant_isolation('views_results_versions');

-- Statement-level, so a recompute of thousands of results bumps the counter once per
-- statement. Changes made outside a district's transaction (schema owner) have no tenant and
-- leave the counter alone; the cache's maximum age covers them.
CREATE FUNCTION bump_views_results_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF app_tenant() IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO views_results_versions (tenant_id, version, changed_at)
  VALUES (app_tenant(), 1, now())
  ON CONFLICT (tenant_id) DO UPDATE
    SET version = views_results_versions.version + 1, changed_at = now();
  RETURN NULL;
END
$$;

CREATE TRIGGER student_results_views_version AFTER INSERT OR UPDATE OR DELETE ON student_results
  FOR EACH STATEMENT EXECUTE FUNCTION bump_views_results_version();
CREATE TRIGGER students_views_version AFTER INSERT OR UPDATE OR DELETE ON students
  FOR EACH STATEMENT EXECUTE FUNCTION bump_views_results_version();
CREATE TRIGGER evidence_views_version AFTER INSERT OR UPDATE OR DELETE ON evidence
  FOR EACH STATEMENT EXECUTE FUNCTION bump_views_results_version();
CREATE TRIGGER certifications_views_version AFTER INSERT OR UPDATE OR DELETE ON certifications
  FOR EACH STATEMENT EXECUTE FUNCTION bump_views_results_version();
