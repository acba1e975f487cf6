CREATE TABLE "assessment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"la_code" text NOT NULL,
	"started_on" date NOT NULL,
	"completed_on" date,
	"factors" text[] DEFAULT '{}'::text[] NOT NULL,
	"child_seen" boolean,
	"child_seen_alone" boolean,
	"child_views" text,
	"family_views" text,
	"analysis" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_basis" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"la_code" text NOT NULL,
	"basis" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"reason" text,
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "case_note" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"la_code" text NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"child_seen" boolean,
	"child_seen_alone" boolean,
	"state" text NOT NULL,
	"author_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"finalised_at" timestamp with time zone,
	"authorised_at" timestamp with time zone,
	"authorised_by" uuid,
	"authorised_by_name" text,
	"recording_seconds" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "family_help_case" (
	"id" uuid PRIMARY KEY NOT NULL,
	"la_code" text NOT NULL,
	"person_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"request_id" uuid,
	"referral_date" date NOT NULL,
	"opened_on" date NOT NULL,
	"lead_practitioner_id" uuid NOT NULL,
	"lead_practitioner_name" text NOT NULL,
	"lead_profession" text NOT NULL,
	"team_id" uuid NOT NULL,
	"primary_need" text NOT NULL,
	"disability_needs" text,
	"money_worries" boolean DEFAULT false NOT NULL,
	"closed_on" date,
	"closure_reason" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "family_help_plan" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"la_code" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "financial_help" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"la_code" text NOT NULL,
	"given_on" date NOT NULL,
	"amount_pence" integer NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_action" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"la_code" text NOT NULL,
	"position" integer NOT NULL,
	"action" text NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_name" text NOT NULL,
	"due_on" date,
	"done_on" date
);
--> statement-breakpoint
CREATE TABLE "plan_goal" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"la_code" text NOT NULL,
	"position" integer NOT NULL,
	"goal" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_review" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"la_code" text NOT NULL,
	"reviewed_on" date NOT NULL,
	"progress" text NOT NULL,
	"child_views" text,
	"family_views" text,
	"recorded_by" uuid NOT NULL,
	"recorded_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_for_help" (
	"id" uuid PRIMARY KEY NOT NULL,
	"la_code" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"received_on" date NOT NULL,
	"channel" text NOT NULL,
	"source" text NOT NULL,
	"submitted_by" uuid,
	"submitter_name" text,
	"submitter_organisation" text,
	"submitter_relationship" text,
	"submitter_phone" text,
	"submitter_email" text,
	"child_given_names" text NOT NULL,
	"child_family_name" text NOT NULL,
	"child_date_of_birth" date,
	"child_address" text,
	"child_postcode" text,
	"other_children" text,
	"concerns" text NOT NULL,
	"help_wanted" text,
	"family_knows" text,
	"person_id" uuid,
	"decision" text,
	"decision_reasons" text,
	"child_views" text,
	"family_views" text,
	"consent_basis" text,
	"re_referral" boolean,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_by_name" text,
	"case_id" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team" (
	"id" uuid PRIMARY KEY NOT NULL,
	"la_code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"base" text NOT NULL,
	"base_name" text NOT NULL,
	"manager_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "team_member" (
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"la_code" text NOT NULL,
	"profession" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_case_id_family_help_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."family_help_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_basis" ADD CONSTRAINT "case_basis_case_id_family_help_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."family_help_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_basis" ADD CONSTRAINT "case_basis_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_note" ADD CONSTRAINT "case_note_case_id_family_help_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."family_help_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_note" ADD CONSTRAINT "case_note_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_help_case" ADD CONSTRAINT "family_help_case_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_help_case" ADD CONSTRAINT "family_help_case_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_help_case" ADD CONSTRAINT "family_help_case_request_id_request_for_help_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."request_for_help"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_help_case" ADD CONSTRAINT "family_help_case_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_help_plan" ADD CONSTRAINT "family_help_plan_case_id_family_help_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."family_help_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_help_plan" ADD CONSTRAINT "family_help_plan_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_help" ADD CONSTRAINT "financial_help_case_id_family_help_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."family_help_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_help" ADD CONSTRAINT "financial_help_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action" ADD CONSTRAINT "plan_action_plan_id_family_help_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."family_help_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action" ADD CONSTRAINT "plan_action_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goal" ADD CONSTRAINT "plan_goal_plan_id_family_help_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."family_help_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goal" ADD CONSTRAINT "plan_goal_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_review" ADD CONSTRAINT "plan_review_plan_id_family_help_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."family_help_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_review" ADD CONSTRAINT "plan_review_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_for_help" ADD CONSTRAINT "request_for_help_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_for_help" ADD CONSTRAINT "request_for_help_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team" ADD CONSTRAINT "team_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_case_idx" ON "assessment" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_basis_case_idx" ON "case_basis" USING btree ("case_id","from_date");--> statement-breakpoint
CREATE INDEX "case_note_case_idx" ON "case_note" USING btree ("case_id","occurred_on");--> statement-breakpoint
CREATE INDEX "family_help_case_person_idx" ON "family_help_case" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "family_help_case_lead_idx" ON "family_help_case" USING btree ("lead_practitioner_id","closed_on");--> statement-breakpoint
CREATE INDEX "family_help_case_team_idx" ON "family_help_case" USING btree ("team_id","closed_on");--> statement-breakpoint
CREATE INDEX "family_help_case_family_idx" ON "family_help_case" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "family_help_plan_case_idx" ON "family_help_plan" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "financial_help_case_idx" ON "financial_help" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "plan_action_plan_idx" ON "plan_action" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_goal_plan_idx" ON "plan_goal" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_review_plan_idx" ON "plan_review" USING btree ("plan_id","reviewed_on");--> statement-breakpoint
CREATE INDEX "request_for_help_open_idx" ON "request_for_help" USING btree ("la_code","decided_at","received_at");--> statement-breakpoint
CREATE INDEX "request_for_help_person_idx" ON "request_for_help" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "request_for_help_submitter_idx" ON "request_for_help" USING btree ("submitted_by");--> statement-breakpoint
CREATE INDEX "team_member_user_idx" ON "team_member" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "team_member_team_idx" ON "team_member" USING btree ("team_id");