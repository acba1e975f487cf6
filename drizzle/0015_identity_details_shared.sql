SELECT public.enable_tenant_isolation('identity_detail');
--> statement-breakpoint
ALTER TABLE identity_detail ADD CONSTRAINT identity_detail_kind_check
  CHECK (kind IN ('preferred_name', 'pronouns', 'gender_identity', 'sexual_orientation'));
--> statement-breakpoint
ALTER TABLE identity_detail ADD CONSTRAINT identity_detail_shared_with_check
  CHECK (shared_with IN ('everyone', 'allocated', 'told') AND (shared_with <> 'told' OR told_to IS NOT NULL));
--> statement-breakpoint
ALTER TABLE identity_detail ADD CONSTRAINT identity_detail_value_check CHECK (length(value) BETWEEN 1 AND 200);
--> statement-breakpoint
-- person.preferred_name is the preferred name as everyone may see it, and so what search,
-- lists and diagrams use: the child's identity_detail row decides it. Statement-level, so a
-- bulk load costs one update per statement.
CREATE FUNCTION identity_preferred_name_set() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.person p
     SET preferred_name = CASE WHEN n.shared_with = 'everyone' THEN n.value END
    FROM new_rows n
   WHERE n.kind = 'preferred_name' AND p.id = n.person_id
     AND p.preferred_name IS DISTINCT FROM CASE WHEN n.shared_with = 'everyone' THEN n.value END;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION identity_preferred_name_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.person p
     SET preferred_name = NULL
    FROM old_rows o
   WHERE o.kind = 'preferred_name' AND p.id = o.person_id AND p.preferred_name IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM public.identity_detail d WHERE d.person_id = o.person_id AND d.kind = 'preferred_name');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER identity_preferred_name_insert AFTER INSERT ON identity_detail
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION identity_preferred_name_set();
--> statement-breakpoint
CREATE TRIGGER identity_preferred_name_update AFTER UPDATE ON identity_detail
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION identity_preferred_name_set();
--> statement-breakpoint
CREATE TRIGGER identity_preferred_name_delete AFTER DELETE ON identity_detail
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION identity_preferred_name_removed();
--> statement-breakpoint
-- Preferred names recorded before this migration were shown to everyone: they stay so.
DO $$
DECLARE
  la text;
BEGIN
  FOR la IN SELECT code FROM public.authority LOOP
    PERFORM set_config('app.la', la, true);
    INSERT INTO public.identity_detail (person_id, la_code, kind, value, shared_with, recorded_at)
      SELECT id, la_code, 'preferred_name', preferred_name, 'everyone', updated_at
        FROM public.person WHERE la_code = la AND preferred_name IS NOT NULL AND preferred_name <> '';
  END LOOP;
  PERFORM set_config('app.la', '', true);
END
$$;
