CREATE TABLE "form_submission" (
	"la_code" text NOT NULL,
	"token" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"location" text,
	CONSTRAINT "form_submission_la_code_token_pk" PRIMARY KEY("la_code","token")
);
--> statement-breakpoint
ALTER TABLE "form_submission" ADD CONSTRAINT "form_submission_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;