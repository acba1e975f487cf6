CREATE TABLE "allocation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"la_code" text NOT NULL,
	"capacity" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date
);
--> statement-breakpoint
CREATE TABLE "person_access" (
	"person_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"la_code" text NOT NULL,
	"reason" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_access_unique" UNIQUE("person_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "allocation" ADD CONSTRAINT "allocation_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation" ADD CONSTRAINT "allocation_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_access" ADD CONSTRAINT "person_access_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_access" ADD CONSTRAINT "person_access_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocation_person_idx" ON "allocation" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "allocation_user_idx" ON "allocation" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "person_access_user_idx" ON "person_access" USING btree ("user_id");--> statement-breakpoint
-- Who may open restricted and sealed records, and who is allocated to whom: per authority
ALTER TABLE person_access ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE person_access FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON person_access
  USING (la_code = nullif(current_setting('app.la', true), ''))
  WITH CHECK (la_code = nullif(current_setting('app.la', true), ''));
--> statement-breakpoint
ALTER TABLE allocation ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE allocation FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON allocation
  USING (la_code = nullif(current_setting('app.la', true), ''))
  WITH CHECK (la_code = nullif(current_setting('app.la', true), ''));
