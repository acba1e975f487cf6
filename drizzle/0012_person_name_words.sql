CREATE TABLE "name_word" (
	"la_code" text NOT NULL,
	"word" text NOT NULL,
	CONSTRAINT "name_word_la_code_word_pk" PRIMARY KEY("la_code","word")
);
--> statement-breakpoint
CREATE TABLE "person_name_word" (
	"la_code" text NOT NULL,
	"word" text NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "person_name_word_la_code_word_person_id_pk" PRIMARY KEY("la_code","word","person_id")
);
--> statement-breakpoint
ALTER TABLE "name_word" ADD CONSTRAINT "name_word_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_name_word" ADD CONSTRAINT "person_name_word_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_name_word" ADD CONSTRAINT "person_name_word_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_name_word_person_idx" ON "person_name_word" USING btree ("person_id");