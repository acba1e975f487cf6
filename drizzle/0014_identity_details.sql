CREATE TABLE "identity_detail" (
	"person_id" uuid NOT NULL,
	"la_code" text NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"shared_with" text NOT NULL,
	"told_to" uuid,
	"told_to_name" text,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "identity_detail_person_id_kind_pk" PRIMARY KEY("person_id","kind")
);
--> statement-breakpoint
ALTER TABLE "identity_detail" ADD CONSTRAINT "identity_detail_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_detail" ADD CONSTRAINT "identity_detail_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;