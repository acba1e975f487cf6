-- Name search (pg_trgm for misspellings, fuzzystrmatch for sound-alike names, unaccent for
-- accents). PGlite loads them in createPglite(); PostgreSQL has them in its contrib package.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
ALTER TABLE person ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE person FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON person
  USING (la_code = nullif(current_setting('app.la', true), ''))
  WITH CHECK (la_code = nullif(current_setting('app.la', true), ''));
--> statement-breakpoint
ALTER TABLE household ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE household FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON household
  USING (la_code = nullif(current_setting('app.la', true), ''))
  WITH CHECK (la_code = nullif(current_setting('app.la', true), ''));
--> statement-breakpoint
ALTER TABLE household_member ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE household_member FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON household_member
  USING (la_code = nullif(current_setting('app.la', true), ''))
  WITH CHECK (la_code = nullif(current_setting('app.la', true), ''));
--> statement-breakpoint
ALTER TABLE person_address ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE person_address FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON person_address
  USING (la_code = nullif(current_setting('app.la', true), ''))
  WITH CHECK (la_code = nullif(current_setting('app.la', true), ''));
--> statement-breakpoint
ALTER TABLE relationship ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE relationship FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON relationship
  USING (la_code = nullif(current_setting('app.la', true), ''))
  WITH CHECK (la_code = nullif(current_setting('app.la', true), ''));
