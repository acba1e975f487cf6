CREATE TABLE "significant_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"la_code" text NOT NULL,
	"occurred_on" date NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"details" text,
	"recorded_by" uuid NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "significant_event" ADD CONSTRAINT "significant_event_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "significant_event" ADD CONSTRAINT "significant_event_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "significant_event_person_idx" ON "significant_event" USING btree ("person_id","occurred_on");--> statement-breakpoint
ALTER TABLE significant_event ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE significant_event FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON significant_event
  USING (la_code = nullif(current_setting('app.la', true), ''))
  WITH CHECK (la_code = nullif(current_setting('app.la', true), ''));
