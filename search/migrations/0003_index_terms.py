"""PostgreSQL: the index's terms, each entry's Polish keys with how well the entry ranks for that key
alone (and the entry's object, so that the best objects of a type are read from the index alone),
kept by triggers on modelsearch's index table (no foreign key: Django's flush, which empties the
tables it knows with TRUNCATE, would refuse to truncate a table another one references; the
TRUNCATE trigger empties this one with it). /szukaj/ reads the best entries of each key of
a query from here and ranks only those (search/candidates.py explains why and when). SQLite's FTS5
needs nothing.

`impact` is modelsearch's score of the entry for a query of that one key, without the title's length
norm: ts_rank of the title plus ts_rank of the body, with modelsearch's weights of this project's
boosts (modelsearch.backends.database.postgres.weights, "{D,C,B,A}"). It only orders the candidates;
the results are ranked by modelsearch's own expression, so a change of boosts costs no correctness.
The norm is left out because modelsearch rewrites it after every indexing (all entries' after a
full `update_index`): a trigger on it tripled the cost of indexing.
"""

from django.db import migrations

WEIGHTS = "{0.009900990099009901,0.20792079207920794,0.3069306930693069,1.0}"



def impact(entry):
    return (
        f"ts_rank('{WEIGHTS}'::float4[], {entry}.title, quote_literal(term.key)::tsquery)"
        f" + ts_rank('{WEIGHTS}'::float4[], {entry}.body, quote_literal(term.key)::tsquery)"
    )


CREATE = f"""
CREATE TABLE search_indexterm (
    entry_id integer NOT NULL,
    key text NOT NULL,
    impact real NOT NULL,
    content_type_id integer NOT NULL,
    object_id varchar(50) NOT NULL
);
CREATE INDEX search_indexterm_key_impact ON search_indexterm (key, impact DESC)
    INCLUDE (entry_id, content_type_id, object_id);
CREATE INDEX search_indexterm_entry ON search_indexterm (entry_id);

CREATE FUNCTION search_indexterm_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM search_indexterm WHERE entry_id = NEW.id;
    END IF;
    INSERT INTO search_indexterm (entry_id, key, impact, content_type_id, object_id)
    SELECT NEW.id, term.key, {impact("NEW")}, NEW.content_type_id, NEW.object_id
    FROM unnest(tsvector_to_array(NEW.title || NEW.body)) AS term (key);
    RETURN NULL;
END
$$;

CREATE TRIGGER search_indexterm_refresh
AFTER INSERT OR UPDATE OF title, body, content_type_id, object_id ON wagtailsearch_indexentry
FOR EACH ROW EXECUTE FUNCTION search_indexterm_refresh();

CREATE FUNCTION search_indexterm_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE search_indexterm;
    ELSE
        DELETE FROM search_indexterm WHERE entry_id = OLD.id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER search_indexterm_forget_entry
AFTER DELETE ON wagtailsearch_indexentry
FOR EACH ROW EXECUTE FUNCTION search_indexterm_forget();

CREATE TRIGGER search_indexterm_forget_all
AFTER TRUNCATE ON wagtailsearch_indexentry
FOR EACH STATEMENT EXECUTE FUNCTION search_indexterm_forget();

INSERT INTO search_indexterm (entry_id, key, impact, content_type_id, object_id)
SELECT entry.id, term.key, {impact("entry")}, entry.content_type_id, entry.object_id
FROM wagtailsearch_indexentry AS entry, unnest(tsvector_to_array(entry.title || entry.body)) AS term (key);
ANALYZE search_indexterm;
"""

DROP = """
DROP TRIGGER IF EXISTS search_indexterm_refresh ON wagtailsearch_indexentry;
DROP TRIGGER IF EXISTS search_indexterm_forget_entry ON wagtailsearch_indexentry;
DROP TRIGGER IF EXISTS search_indexterm_forget_all ON wagtailsearch_indexentry;
DROP FUNCTION IF EXISTS search_indexterm_refresh();
DROP FUNCTION IF EXISTS search_indexterm_forget();
DROP TABLE IF EXISTS search_indexterm;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_index_entry_title_body_gin"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
