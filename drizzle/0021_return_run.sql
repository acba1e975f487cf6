CREATE TABLE "return_run" (
	"id" uuid PRIMARY KEY NOT NULL,
	"la_code" text NOT NULL,
	"kind" text NOT NULL,
	"collection" text NOT NULL,
	"status" text NOT NULL,
	"stage" text,
	"requested_by" uuid NOT NULL,
	"requested_by_name" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"children" integer,
	"episodes" integer,
	"errors" integer,
	"queries" integer,
	"structure_valid" boolean,
	"structure_problems" jsonb,
	"findings" jsonb,
	"file" text
);
--> statement-breakpoint
ALTER TABLE "return_run" ADD CONSTRAINT "return_run_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "return_run_kind_idx" ON "return_run" USING btree ("la_code","kind","requested_at");