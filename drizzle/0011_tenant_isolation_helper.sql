-- For later migrations: `SELECT enable_tenant_isolation('new_table');` gives a new case-data
-- table the same row-level security as every other (ENABLE, FORCE, a policy WITH CHECK).
-- Only migrations call it; the application role may not.
CREATE FUNCTION enable_tenant_isolation(target regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s USING (la_code = nullif(current_setting(''app.la'', true), '''')) WITH CHECK (la_code = nullif(current_setting(''app.la'', true), ''''))',
    target
  );
END
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION enable_tenant_isolation(regclass) FROM PUBLIC;
