"""What the benchmark's load generator sends (`manage.py bench`): wrk's Lua scripts, reading a
page's paths in turn, and the search queries never sent before."""

import itertools
import json
import random
import urllib.parse

# Words of the site's content (the generated pages' and the demo's) and what residents type, in the
# forms they type them: every pair and triple of them is one query of "wyszukiwarka (nowe zapytania)".
SEARCH_WORDS = (
    "budżet budżetu obywatelski obywatelskiego projekt projekty projektu mieszkańcy mieszkańców "
    "dzielnica dzielnicy park parku boisko boiska chodnik chodnika ścieżka ścieżki rowerowa rowerowe "
    "szkoła szkole biblioteka bibliotece konsultacje konsultacji społeczne uchwała uchwały rada miejska "
    "plac zabaw zieleń zieleni drzewa ławki oświetlenie przystanek remont modernizacja świetlica "
    "seniorzy seniorów młodzież kultura sport rekreacja bezpieczeństwo Sosnowiec Pogoń Zagórze Środula "
    "Klimontów Niwka Milowice Kazimierz Maczki Porąbka Dańdówka Sielec Ostrowy głosowanie głosowania "
    "wyniki zgłoszenie regulamin zasady spotkanie szkolenie szkolenia spacer badawczy deklaracja "
    "dostępności ustawa samorząd"
).split()
# Paths of new queries given to one wrk run, per second of it: more than the search can answer.
NEW_QUERIES_PER_SECOND = 1000
DONE_LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %%d %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
"""
STATS_LUA = (
    """
local paths = {%s}
local counter = 0
-- What a browser says it accepts: the page cache answers such a request with its compressed copy.
local headers = {["Accept-Encoding"] = "gzip, deflate, br"}
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[counter %% #paths + 1], headers)
end
"""
    + DONE_LUA
)
# Each thread of wrk runs the script in its own state: thread `id` takes every `threads`-th path from
# its own place, so no two requests of a run send the same query.
NEW_QUERIES_LUA = (
    """
local paths = {%s}
local threads = %d
local created = 0
setup = function(thread)
  thread:set("id", created)
  created = created + 1
end
local counter = 0
local headers = {["Accept-Encoding"] = "gzip, deflate, br"}
request = function()
  local index = (id + threads * counter) %% #paths + 1
  counter = counter + 1
  return wrk.format("GET", paths[index], headers)
end
"""
    + DONE_LUA
)


class NewQueries:
    """Search queries never sent before: every pair and triple of SEARCH_WORDS, in an order drawn
    for each run (a pair and a triple in turn while pairs last), each taken once. A search's results
    are kept for minutes (search/results.py), so repeated queries measure the kept answers; these
    are each ranked afresh. Before each wrk run the search index's generation is drawn anew, so
    nothing kept by an earlier run (or benchmark) is answered either."""

    def __init__(self, seed=None):
        self.seed = random.SystemRandom().randrange(2**32) if seed is None else seed
        rng = random.Random(self.seed)
        pairs, triples = (
            [" ".join(words) for words in itertools.combinations(SEARCH_WORDS, size)] for size in (2, 3)
        )
        rng.shuffle(pairs)
        rng.shuffle(triples)
        self.queries = [query for both in zip(pairs, triples, strict=False) for query in both] + triples[
            len(pairs) :
        ]
        self.used = 0

    def take(self, count=1):
        """The next `count` queries as /szukaj/ paths (the list starts again once all are taken)."""
        taken = [self.queries[(self.used + number) % len(self.queries)] for number in range(count)]
        self.used += count
        return ["/szukaj/?q=" + urllib.parse.quote(query) for query in taken]

    def script(self, duration, threads):
        return NEW_QUERIES_LUA % (
            ", ".join(map(json.dumps, self.take(duration * NEW_QUERIES_PER_SECOND))),
            threads,
        )
