CREATE TABLE "person_id_counter" (
	"la_code" text NOT NULL,
	"prefix" text NOT NULL,
	"last_value" bigint NOT NULL,
	CONSTRAINT "person_id_counter_la_code_prefix_pk" PRIMARY KEY("la_code","prefix")
);
--> statement-breakpoint
ALTER TABLE "person_access" ADD COLUMN "granted_by_name" text;--> statement-breakpoint
ALTER TABLE "person_id_counter" ADD CONSTRAINT "person_id_counter_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;