CREATE TABLE "case_note_amendment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"la_code" text NOT NULL,
	"note_id" uuid NOT NULL,
	"replaced_version" integer NOT NULL,
	"occurred_on" date NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"child_seen" boolean,
	"child_seen_alone" boolean,
	"amended_at" timestamp with time zone NOT NULL,
	"amended_by" uuid NOT NULL,
	"amended_by_name" text NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "authority" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "case_note" ADD COLUMN "amended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_note" ADD COLUMN "recorded_in_error_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_note" ADD COLUMN "recorded_in_error_by" uuid;--> statement-breakpoint
ALTER TABLE "case_note" ADD COLUMN "recorded_in_error_by_name" text;--> statement-breakpoint
ALTER TABLE "case_note" ADD COLUMN "recorded_in_error_reason" text;--> statement-breakpoint
ALTER TABLE "request_for_help" ADD COLUMN "reference" text;--> statement-breakpoint
ALTER TABLE "case_note_amendment" ADD CONSTRAINT "case_note_amendment_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_note_amendment" ADD CONSTRAINT "case_note_amendment_note_id_case_note_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."case_note"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_note_amendment_note_idx" ON "case_note_amendment" USING btree ("note_id","replaced_version");--> statement-breakpoint
CREATE UNIQUE INDEX "request_for_help_reference_idx" ON "request_for_help" USING btree ("la_code","reference");