CREATE INDEX "audit_event_child_idx" ON "audit_event" USING btree ("la_code","child_id","seq");--> statement-breakpoint
CREATE INDEX "audit_event_user_idx" ON "audit_event" USING btree ("la_code","username","seq");--> statement-breakpoint
CREATE INDEX "audit_event_occurred_idx" ON "audit_event" USING btree ("la_code","occurred_at");