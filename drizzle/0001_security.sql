-- The application's database role. The service connects as (or switches to) this role, which
-- can neither bypass row-level security nor rewrite the audit trail.
DO $$
BEGIN
  CREATE ROLE stable_homes_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO stable_homes_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO stable_homes_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO stable_homes_app;
--> statement-breakpoint
-- Tables made by later migrations get the same grants; RLS is still each migration's job,
-- and test/db/rls-catalogue.test.ts fails if a case-data table lacks it.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO stable_homes_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO stable_homes_app;
--> statement-breakpoint
-- The audit trail is append-only for the application.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM stable_homes_app;
--> statement-breakpoint
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
--> statement-breakpoint
-- Row-level security: a transaction sees only the authority named by app.la; unset, nothing.
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_event
  USING (la_code = nullif(current_setting('app.la', true), ''))
  WITH CHECK (la_code = nullif(current_setting('app.la', true), ''));
--> statement-breakpoint
ALTER TABLE audit_chain_head ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_chain_head FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_chain_head
  USING (la_code = nullif(current_setting('app.la', true), ''))
  WITH CHECK (la_code = nullif(current_setting('app.la', true), ''));
