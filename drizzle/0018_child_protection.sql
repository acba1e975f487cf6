CREATE TABLE "agency_contribution" (
	"id" uuid PRIMARY KEY NOT NULL,
	"la_code" text NOT NULL,
	"person_id" uuid NOT NULL,
	"share_id" uuid NOT NULL,
	"agency" text NOT NULL,
	"author_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core_group_meeting" (
	"id" uuid PRIMARY KEY NOT NULL,
	"la_code" text NOT NULL,
	"plan_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"attendees" text[] NOT NULL,
	"progress" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cp_conference" (
	"id" uuid PRIMARY KEY NOT NULL,
	"la_code" text NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"enquiry_id" uuid,
	"plan_id" uuid,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"attendees" text[] NOT NULL,
	"child_views" text NOT NULL,
	"child_views_how" text NOT NULL,
	"parents_views" text NOT NULL,
	"parents_representative" text,
	"decision" text NOT NULL,
	"category" text,
	"reasons" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cp_plan" (
	"id" uuid PRIMARY KEY NOT NULL,
	"la_code" text NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text DEFAULT 'child_protection' NOT NULL,
	"started_on" date NOT NULL,
	"initial_category" text NOT NULL,
	"latest_category" text NOT NULL,
	"cp_lead_user_id" uuid NOT NULL,
	"cp_lead_name" text NOT NULL,
	"youth_justice_worker" text,
	"joint_assessment" text,
	"ended_on" date,
	"end_reason" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "harm_context" (
	"id" uuid PRIMARY KEY NOT NULL,
	"la_code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"identified_on" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"closed_on" date
);
--> statement-breakpoint
CREATE TABLE "harm_context_member" (
	"id" uuid PRIMARY KEY NOT NULL,
	"la_code" text NOT NULL,
	"context_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"linked_on" date NOT NULL,
	"why" text NOT NULL,
	"linked_by" uuid NOT NULL,
	"linked_by_name" text NOT NULL,
	"ended_on" date
);
--> statement-breakpoint
CREATE TABLE "information_share" (
	"id" uuid PRIMARY KEY NOT NULL,
	"la_code" text NOT NULL,
	"person_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"discussion_id" uuid,
	"plan_id" uuid,
	"agency" text NOT NULL,
	"partner_user_id" uuid,
	"partner_name" text,
	"decision" text NOT NULL,
	"what" text,
	"reasons" text NOT NULL,
	"lawful_basis" text NOT NULL,
	"consent" text NOT NULL,
	"consent_reason" text,
	"decided_by" uuid NOT NULL,
	"decided_by_name" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text
);
--> statement-breakpoint
CREATE TABLE "section47_enquiry" (
	"id" uuid PRIMARY KEY NOT NULL,
	"la_code" text NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"discussion_id" uuid,
	"started_on" date NOT NULL,
	"completed_on" date,
	"outcome" text,
	"findings" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_discussion" (
	"id" uuid PRIMARY KEY NOT NULL,
	"la_code" text NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"convened_from" text NOT NULL,
	"request_id" uuid,
	"convened_on" date NOT NULL,
	"convened_by" uuid NOT NULL,
	"convened_by_name" text NOT NULL,
	"urgent" boolean NOT NULL,
	"concerns" text NOT NULL,
	"chair_user_id" uuid,
	"chair_name" text,
	"held_on" date,
	"agencies" text[],
	"decision" text,
	"reasons" text,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "court_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"la_code" text NOT NULL,
	"proceedings_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"hearing_type" text,
	"summary" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "court_proceedings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"la_code" text NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"letter_sent_on" date,
	"fgdm_offered_on" date,
	"fgdm_response" text,
	"emergency_reason" text,
	"issued_on" date,
	"court" text,
	"application" text,
	"outcome" text,
	"outcome_on" date,
	"extension_reason" text,
	"started_by" uuid NOT NULL,
	"started_by_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agency_contribution" ADD CONSTRAINT "agency_contribution_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_contribution" ADD CONSTRAINT "agency_contribution_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_contribution" ADD CONSTRAINT "agency_contribution_share_id_information_share_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."information_share"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_group_meeting" ADD CONSTRAINT "core_group_meeting_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_group_meeting" ADD CONSTRAINT "core_group_meeting_plan_id_cp_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."cp_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_conference" ADD CONSTRAINT "cp_conference_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_conference" ADD CONSTRAINT "cp_conference_case_id_family_help_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."family_help_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_conference" ADD CONSTRAINT "cp_conference_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_conference" ADD CONSTRAINT "cp_conference_enquiry_id_section47_enquiry_id_fk" FOREIGN KEY ("enquiry_id") REFERENCES "public"."section47_enquiry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_conference" ADD CONSTRAINT "cp_conference_plan_id_cp_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."cp_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_plan" ADD CONSTRAINT "cp_plan_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_plan" ADD CONSTRAINT "cp_plan_case_id_family_help_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."family_help_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_plan" ADD CONSTRAINT "cp_plan_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "harm_context" ADD CONSTRAINT "harm_context_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "harm_context_member" ADD CONSTRAINT "harm_context_member_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "harm_context_member" ADD CONSTRAINT "harm_context_member_context_id_harm_context_id_fk" FOREIGN KEY ("context_id") REFERENCES "public"."harm_context"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "harm_context_member" ADD CONSTRAINT "harm_context_member_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_share" ADD CONSTRAINT "information_share_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_share" ADD CONSTRAINT "information_share_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_share" ADD CONSTRAINT "information_share_case_id_family_help_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."family_help_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_share" ADD CONSTRAINT "information_share_discussion_id_strategy_discussion_id_fk" FOREIGN KEY ("discussion_id") REFERENCES "public"."strategy_discussion"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_share" ADD CONSTRAINT "information_share_plan_id_cp_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."cp_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section47_enquiry" ADD CONSTRAINT "section47_enquiry_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section47_enquiry" ADD CONSTRAINT "section47_enquiry_case_id_family_help_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."family_help_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section47_enquiry" ADD CONSTRAINT "section47_enquiry_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section47_enquiry" ADD CONSTRAINT "section47_enquiry_discussion_id_strategy_discussion_id_fk" FOREIGN KEY ("discussion_id") REFERENCES "public"."strategy_discussion"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_discussion" ADD CONSTRAINT "strategy_discussion_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_discussion" ADD CONSTRAINT "strategy_discussion_case_id_family_help_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."family_help_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_discussion" ADD CONSTRAINT "strategy_discussion_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_discussion" ADD CONSTRAINT "strategy_discussion_request_id_request_for_help_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."request_for_help"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_event" ADD CONSTRAINT "court_event_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_event" ADD CONSTRAINT "court_event_proceedings_id_court_proceedings_id_fk" FOREIGN KEY ("proceedings_id") REFERENCES "public"."court_proceedings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_proceedings" ADD CONSTRAINT "court_proceedings_la_code_authority_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."authority"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_proceedings" ADD CONSTRAINT "court_proceedings_case_id_family_help_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."family_help_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_proceedings" ADD CONSTRAINT "court_proceedings_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agency_contribution_share_idx" ON "agency_contribution" USING btree ("share_id");--> statement-breakpoint
CREATE INDEX "core_group_meeting_plan_idx" ON "core_group_meeting" USING btree ("plan_id","held_on");--> statement-breakpoint
CREATE INDEX "cp_conference_person_idx" ON "cp_conference" USING btree ("person_id","held_on");--> statement-breakpoint
CREATE INDEX "cp_conference_plan_idx" ON "cp_conference" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "cp_plan_person_idx" ON "cp_plan" USING btree ("person_id","started_on");--> statement-breakpoint
CREATE INDEX "cp_plan_open_idx" ON "cp_plan" USING btree ("la_code","ended_on");--> statement-breakpoint
CREATE INDEX "harm_context_member_context_idx" ON "harm_context_member" USING btree ("context_id");--> statement-breakpoint
CREATE INDEX "harm_context_member_person_idx" ON "harm_context_member" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "information_share_partner_idx" ON "information_share" USING btree ("partner_user_id","ended_at");--> statement-breakpoint
CREATE INDEX "information_share_person_idx" ON "information_share" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "section47_enquiry_person_idx" ON "section47_enquiry" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "strategy_discussion_person_idx" ON "strategy_discussion" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "strategy_discussion_open_idx" ON "strategy_discussion" USING btree ("la_code","decided_at");--> statement-breakpoint
CREATE INDEX "court_event_proceedings_idx" ON "court_event" USING btree ("proceedings_id","held_on");--> statement-breakpoint
CREATE INDEX "court_proceedings_case_idx" ON "court_proceedings" USING btree ("case_id");