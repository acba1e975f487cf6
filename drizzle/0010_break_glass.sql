CREATE TABLE "break_glass_grant" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"username" text NOT NULL,
	"la_code" text NOT NULL,
	"reason_code" text NOT NULL,
	"reason" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" text,
	"review_outcome" text,
	"review_note" text
);
--> statement-breakpoint
ALTER TABLE "break_glass_grant" ADD CONSTRAINT "break_glass_grant_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grant" ADD CONSTRAINT "break_glass_grant_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "break_glass_person_user_idx" ON "break_glass_grant" USING btree ("person_id","user_id");--> statement-breakpoint
CREATE INDEX "break_glass_unreviewed_idx" ON "break_glass_grant" USING btree ("la_code","reviewed_at");--> statement-breakpoint
ALTER TABLE break_glass_grant ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE break_glass_grant FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON break_glass_grant
  USING (la_code = nullif(current_setting('app.la', true), ''))
  WITH CHECK (la_code = nullif(current_setting('app.la', true), ''));
