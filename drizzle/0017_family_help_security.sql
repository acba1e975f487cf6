SELECT public.enable_tenant_isolation('team');
--> statement-breakpoint
SELECT public.enable_tenant_isolation('team_member');
--> statement-breakpoint
SELECT public.enable_tenant_isolation('request_for_help');
--> statement-breakpoint
SELECT public.enable_tenant_isolation('family_help_case');
--> statement-breakpoint
SELECT public.enable_tenant_isolation('case_basis');
--> statement-breakpoint
SELECT public.enable_tenant_isolation('assessment');
--> statement-breakpoint
SELECT public.enable_tenant_isolation('family_help_plan');
--> statement-breakpoint
SELECT public.enable_tenant_isolation('plan_goal');
--> statement-breakpoint
SELECT public.enable_tenant_isolation('plan_action');
--> statement-breakpoint
SELECT public.enable_tenant_isolation('plan_review');
--> statement-breakpoint
SELECT public.enable_tenant_isolation('case_note');
--> statement-breakpoint
SELECT public.enable_tenant_isolation('financial_help');
--> statement-breakpoint
-- A case's request: the foreign key is added here, as the two tables refer to each other.
ALTER TABLE request_for_help ADD CONSTRAINT request_for_help_case_fk FOREIGN KEY (case_id) REFERENCES family_help_case(id) DEFERRABLE INITIALLY DEFERRED;
--> statement-breakpoint
-- One open case per child: help is one continuous case (DESIGN.md principle 2).
CREATE UNIQUE INDEX family_help_case_one_open ON family_help_case (person_id) WHERE closed_on IS NULL;
--> statement-breakpoint
-- One current statutory basis per case.
CREATE UNIQUE INDEX case_basis_one_current ON case_basis (case_id) WHERE to_date IS NULL;
--> statement-breakpoint
ALTER TABLE financial_help ADD CONSTRAINT financial_help_amount_check CHECK (amount_pence > 0);
