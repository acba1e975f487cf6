-- Names by sound (Double Metaphone), so "Mohamed" finds "Muhammad" through an index.
ALTER TABLE person ADD COLUMN family_name_sound text GENERATED ALWAYS AS (public.dmetaphone(public.fold_name(family_name))) STORED;
--> statement-breakpoint
ALTER TABLE person ADD COLUMN given_name_sound text GENERATED ALWAYS AS (public.dmetaphone(public.fold_name(split_part(given_names, ' ', 1)))) STORED;
--> statement-breakpoint
CREATE INDEX person_family_name_sound ON person (family_name_sound);
--> statement-breakpoint
CREATE INDEX person_given_name_sound ON person (given_name_sound);
--> statement-breakpoint
-- pg_trgm's similarity operator never raises an error or reveals its arguments, but is not
-- declared LEAKPROOF, so under row-level security it cannot use the trigram indexes. Declaring
-- it needs a superuser: the migration does so when it can and says so when it cannot.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION public.similarity_op(text, text) LEAKPROOF;
  ELSE
    RAISE NOTICE 'Not a superuser: ask one to run ALTER FUNCTION public.similarity_op(text, text) LEAKPROOF, or name search will scan';
  END IF;
END
$$;
