-- Names folded for search: accents dropped (Róisín → roisin), apostrophes dropped (O'Brien →
-- obrien), hyphens and other punctuation made spaces (Smith-Jones → smith jones), lower case.
-- unaccent() is only STABLE, so it is wrapped (with its dictionary named) to be indexable.
CREATE FUNCTION fold_name(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT trim(regexp_replace(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, coalesce(value, ''))), '[''’`]', '', 'g'), '[^a-z0-9]+', ' ', 'g')) $$;
--> statement-breakpoint
-- Every name a person is known by, legal and preferred, in one searchable string.
CREATE FUNCTION person_search_name(given_names text, family_name text, preferred_name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT public.fold_name(given_names || ' ' || family_name || ' ' || coalesce(preferred_name, '')) $$;
--> statement-breakpoint
-- Stored, so searches compare plain columns: under row-level security a condition can use an
-- index only if everything it applies to a row's values is LEAKPROOF, and these functions are not.
ALTER TABLE person ADD COLUMN search_name text GENERATED ALWAYS AS (public.person_search_name(given_names, family_name, preferred_name)) STORED;
--> statement-breakpoint
ALTER TABLE person ADD COLUMN family_name_folded text GENERATED ALWAYS AS (public.fold_name(family_name)) STORED;
--> statement-breakpoint
CREATE INDEX person_search_name_trgm ON person USING gin (search_name public.gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX person_family_name_trgm ON person USING gin (family_name_folded public.gin_trgm_ops);
