CREATE INDEX "cp_conference_case_idx" ON "cp_conference" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "cp_conference_enquiry_idx" ON "cp_conference" USING btree ("enquiry_id");--> statement-breakpoint
CREATE INDEX "cp_plan_case_idx" ON "cp_plan" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "cp_plan_lead_idx" ON "cp_plan" USING btree ("cp_lead_user_id","ended_on");--> statement-breakpoint
CREATE INDEX "information_share_case_idx" ON "information_share" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "information_share_discussion_idx" ON "information_share" USING btree ("discussion_id");--> statement-breakpoint
CREATE INDEX "information_share_plan_idx" ON "information_share" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "section47_enquiry_case_idx" ON "section47_enquiry" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "section47_enquiry_discussion_idx" ON "section47_enquiry" USING btree ("discussion_id");--> statement-breakpoint
CREATE INDEX "strategy_discussion_case_idx" ON "strategy_discussion" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "strategy_discussion_chair_idx" ON "strategy_discussion" USING btree ("chair_user_id");--> statement-breakpoint
CREATE INDEX "court_proceedings_person_idx" ON "court_proceedings" USING btree ("person_id");