-- Name words are case data (fragments of names), isolated per authority like every other table.
SELECT public.enable_tenant_isolation('name_word');
--> statement-breakpoint
SELECT public.enable_tenant_isolation('person_name_word');
--> statement-breakpoint
CREATE INDEX name_word_trgm ON name_word USING gin (word public.gin_trgm_ops);
--> statement-breakpoint
-- Kept by statement-level triggers with transition tables, so a bulk load of thousands of people
-- costs two inserts per statement, not two per person. Words are the folded search name split on
-- spaces (so "Smith-Jones" gives "smith" and "jones"); single letters are left out.
CREATE FUNCTION person_name_words_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public.person_name_word (la_code, word, person_id)
    SELECT DISTINCT n.la_code, w.word, n.id
      FROM new_rows n, unnest(string_to_array(n.search_name, ' ')) AS w(word)
     WHERE length(w.word) > 1
    ON CONFLICT DO NOTHING;
  INSERT INTO public.name_word (la_code, word)
    SELECT DISTINCT n.la_code, w.word
      FROM new_rows n, unnest(string_to_array(n.search_name, ' ')) AS w(word)
     WHERE length(w.word) > 1
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A renamed person's old words stop finding them; the authority's word list keeps old words
-- (harmless: a word with no people matches no one).
CREATE FUNCTION person_name_words_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM public.person_name_word pw
   USING old_rows o JOIN new_rows n ON n.id = o.id
   WHERE pw.person_id = o.id AND o.search_name IS DISTINCT FROM n.search_name;
  INSERT INTO public.person_name_word (la_code, word, person_id)
    SELECT DISTINCT n.la_code, w.word, n.id
      FROM new_rows n JOIN old_rows o ON o.id = n.id, unnest(string_to_array(n.search_name, ' ')) AS w(word)
     WHERE length(w.word) > 1 AND o.search_name IS DISTINCT FROM n.search_name
    ON CONFLICT DO NOTHING;
  INSERT INTO public.name_word (la_code, word)
    SELECT DISTINCT n.la_code, w.word
      FROM new_rows n JOIN old_rows o ON o.id = n.id, unnest(string_to_array(n.search_name, ' ')) AS w(word)
     WHERE length(w.word) > 1 AND o.search_name IS DISTINCT FROM n.search_name
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER person_name_words_insert AFTER INSERT ON person
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_name_words_added();
--> statement-breakpoint
CREATE TRIGGER person_name_words_update AFTER UPDATE ON person
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_name_words_changed();
--> statement-breakpoint
-- People already recorded, one authority at a time: row-level security applies to a table owner
-- that is not a superuser, so each authority's rows are written with its own app.la.
DO $$
DECLARE
  la text;
BEGIN
  FOR la IN SELECT code FROM public.authority LOOP
    PERFORM set_config('app.la', la, true);
    INSERT INTO public.person_name_word (la_code, word, person_id)
      SELECT DISTINCT p.la_code, w.word, p.id
        FROM public.person p, unnest(string_to_array(p.search_name, ' ')) AS w(word)
       WHERE p.la_code = la AND length(w.word) > 1
      ON CONFLICT DO NOTHING;
    INSERT INTO public.name_word (la_code, word)
      SELECT DISTINCT la_code, word FROM public.person_name_word WHERE la_code = la
      ON CONFLICT DO NOTHING;
  END LOOP;
  PERFORM set_config('app.la', '', true);
END
$$;
