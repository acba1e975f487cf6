-- Custom SQL migration file, put your code below! --
SELECT public.enable_tenant_isolation('form_submission');
