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
-- lists and diagrams use: the child's identity_detail row decides it. Row-level, so each change
-- is one update of one person by primary key (a statement-level join against a transition
-- table has no statistics, and can turn a bulk load into a nested loop over every person).
CREATE FUNCTION identity_preferred_name_kept() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  shared text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.kind = 'preferred_name' THEN
      UPDATE public.person SET preferred_name = NULL WHERE id = OLD.person_id AND preferred_name IS NOT NULL;
    END IF;
    RETURN NULL;
  END IF;
  IF NEW.kind = 'preferred_name' THEN
    shared := CASE WHEN NEW.shared_with = 'everyone' THEN NEW.value END;
    UPDATE public.person SET preferred_name = shared WHERE id = NEW.person_id AND preferred_name IS DISTINCT FROM shared;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER identity_preferred_name AFTER INSERT OR UPDATE OR DELETE ON identity_detail
  FOR EACH ROW EXECUTE FUNCTION identity_preferred_name_kept();
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
