CREATE TABLE "household" (
	"id" uuid PRIMARY KEY NOT NULL,
	"la_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_member" (
	"household_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"la_code" text NOT NULL,
	"from_date" date,
	"to_date" date
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" uuid PRIMARY KEY NOT NULL,
	"la_code" text NOT NULL,
	"la_person_id" text NOT NULL,
	"given_names" text NOT NULL,
	"family_name" text NOT NULL,
	"preferred_name" text,
	"date_of_birth" date,
	"expected_date_of_birth" date,
	"date_of_death" date,
	"sex" text,
	"ethnicity" text,
	"first_language" text,
	"religion" text,
	"disabilities" text[] DEFAULT '{}'::text[] NOT NULL,
	"nhs_number" text,
	"upn" text,
	"upn_unknown_reason" text,
	"record_kind" text DEFAULT 'ordinary' NOT NULL,
	"location_withheld" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_la_person_id_unique" UNIQUE("la_code","la_person_id")
);
--> statement-breakpoint
CREATE TABLE "person_address" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"la_code" text NOT NULL,
	"line1" text NOT NULL,
	"line2" text,
	"town" text NOT NULL,
	"postcode" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"from_date" date NOT NULL,
	"to_date" date
);
--> statement-breakpoint
CREATE TABLE "relationship" (
	"id" uuid PRIMARY KEY NOT NULL,
	"la_code" text NOT NULL,
	"from_person_id" uuid NOT NULL,
	"to_person_id" uuid NOT NULL,
	"type" text NOT NULL,
	"parental_responsibility" boolean DEFAULT false NOT NULL,
	"matters_to_child" boolean DEFAULT false NOT NULL,
	"contact_arrangement" text,
	"from_date" date,
	"to_date" date
);
--> statement-breakpoint
ALTER TABLE "household" ADD CONSTRAINT "household_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_member" ADD CONSTRAINT "household_member_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_member" ADD CONSTRAINT "household_member_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_member" ADD CONSTRAINT "household_member_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_address" ADD CONSTRAINT "person_address_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_address" ADD CONSTRAINT "person_address_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship" ADD CONSTRAINT "relationship_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship" ADD CONSTRAINT "relationship_from_person_id_person_id_fk" FOREIGN KEY ("from_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship" ADD CONSTRAINT "relationship_to_person_id_person_id_fk" FOREIGN KEY ("to_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_member_person_idx" ON "household_member" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "household_member_household_idx" ON "household_member" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "person_dob_idx" ON "person" USING btree ("la_code","date_of_birth");--> statement-breakpoint
CREATE INDEX "person_nhs_idx" ON "person" USING btree ("la_code","nhs_number");--> statement-breakpoint
CREATE INDEX "person_upn_idx" ON "person" USING btree ("la_code","upn");--> statement-breakpoint
CREATE INDEX "person_address_person_idx" ON "person_address" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_address_postcode_idx" ON "person_address" USING btree ("la_code","postcode");--> statement-breakpoint
CREATE INDEX "relationship_from_idx" ON "relationship" USING btree ("from_person_id");--> statement-breakpoint
CREATE INDEX "relationship_to_idx" ON "relationship" USING btree ("to_person_id");