ALTER TABLE "organisation" ADD CONSTRAINT "organisation_la_name_unique" UNIQUE("la_code","name");--> statement-breakpoint
ALTER TABLE "user_account" ADD CONSTRAINT "user_account_oidc_identity_unique" UNIQUE("oidc_issuer","oidc_subject");
--> statement-breakpoint
-- Deleting a chain head would reset its chain; the application only ever moves it forward.
REVOKE DELETE, TRUNCATE ON audit_chain_head FROM stable_homes_app;
