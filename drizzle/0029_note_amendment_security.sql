-- Custom SQL migration file, put your code below! --
SELECT public.enable_tenant_isolation('case_note_amendment');
