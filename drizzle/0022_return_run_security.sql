SELECT public.enable_tenant_isolation('return_run');
