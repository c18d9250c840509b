using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TicketMaster.Indexer.Search;

namespace TicketMaster.Indexer.Elasticsearch;

/// <summary>
/// The request bodies the Elasticsearch adapter sends, as pure functions so they can be read,
/// snapshotted and reviewed in one place. Text queries are term and fuzzy queries over words the
/// adapter split itself (never <c>query_string</c>), the same shape as the Lucene adapter's.
/// </summary>
public static class ElasticsearchRequests
{
    private const string EdgeNGramAnalyzer = "edge_ngram_1_20";

    /// <summary>Settings and an explicit, strict mapping: text with the standard analyzer plus edge n-gram sub-fields, keywords for facets, date, geo_point.</summary>
    public static JsonObject CreateIndex() => new()
    {
        ["settings"] = new JsonObject
        {
            ["number_of_shards"] = 1,
            ["analysis"] = new JsonObject
            {
                ["filter"] = new JsonObject { ["edge_ngram_1_20"] = new JsonObject { ["type"] = "edge_ngram", ["min_gram"] = 1, ["max_gram"] = 20 } },
                ["analyzer"] = new JsonObject
                {
                    [EdgeNGramAnalyzer] = new JsonObject { ["type"] = "custom", ["tokenizer"] = "standard", ["filter"] = new JsonArray("lowercase", "edge_ngram_1_20") },
                },
                ["normalizer"] = new JsonObject { ["lowercase"] = new JsonObject { ["type"] = "custom", ["filter"] = new JsonArray("lowercase") } },
            },
        },
        ["mappings"] = new JsonObject
        {
            ["dynamic"] = "strict",
            ["properties"] = new JsonObject
            {
                ["event_id"] = Type("integer"),
                ["name"] = TextWithSuggest(),
                ["performers"] = TextWithSuggest(),
                ["venue"] = Text(),
                ["city"] = new JsonObject
                {
                    ["type"] = "text",
                    ["analyzer"] = "standard",
                    ["fields"] = new JsonObject { ["keyword"] = Type("keyword"), ["lower"] = new JsonObject { ["type"] = "keyword", ["normalizer"] = "lowercase" } },
                },
                ["description"] = Text(),
                ["country"] = Type("keyword"),
                ["category"] = Type("keyword"),
                ["status"] = Type("keyword"),
                ["month"] = Type("keyword"),
                ["starts_at"] = Type("date"),
                ["starts_at_local"] = Type("date"),
                ["location"] = Type("geo_point"),
                ["min_price"] = new JsonObject { ["type"] = "scaled_float", ["scaling_factor"] = 100 },
                ["max_price"] = new JsonObject { ["type"] = "scaled_float", ["scaling_factor"] = 100 },
                ["currency"] = Type("keyword"),
                ["total_seats"] = Type("integer"),
                ["available_seats"] = Type("integer"),
            },
        },
    };

    public static JsonObject CreateCheckpointIndex() => new()
    {
        ["settings"] = new JsonObject { ["number_of_shards"] = 1 },
        ["mappings"] = new JsonObject { ["dynamic"] = "strict", ["properties"] = new JsonObject { ["checkpoint"] = Type("long") } },
    };

    public static JsonObject CheckpointDocument(long checkpoint) => new() { ["checkpoint"] = checkpoint };

    /// <summary>
    /// NDJSON for <c>_bulk</c>: every action carries the outbox id as an external version with
    /// <c>external_gte</c>, so Elasticsearch itself refuses anything older than what it holds
    /// (a 409 for that item) and accepts a replay of the same version.
    /// </summary>
    public static string Bulk(string index, IEnumerable<EventDocument> upserts, IEnumerable<IndexRemoval> removals, bool versioned = true)
    {
        var body = new StringBuilder();
        foreach (var document in upserts)
        {
            body.Append(Action("index", index, document.EventId, versioned ? document.Version : null).ToJsonString()).Append('\n');
            body.Append(Document(document).ToJsonString()).Append('\n');
        }

        foreach (var removal in removals)
        {
            body.Append(Action("delete", index, removal.EventId, versioned ? removal.Version : null).ToJsonString()).Append('\n');
        }

        return body.ToString();
    }

    public static JsonObject Document(EventDocument e) => new()
    {
        ["event_id"] = e.EventId,
        ["name"] = e.Name,
        ["performers"] = new JsonArray([.. e.Performers.Select(p => (JsonNode)p)]),
        ["venue"] = e.VenueName,
        ["city"] = e.City,
        ["description"] = e.Description,
        ["country"] = e.Country.ToUpperInvariant(),
        ["category"] = e.Category.ToString(),
        ["status"] = e.Status.ToString(),
        ["month"] = e.StartsAt.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        ["starts_at"] = Date(e.StartsAt),

        // The venue's wall clock written as if it were UTC: compared only with days written the same way (ADR 0014).
        ["starts_at_local"] = Date(DateTime.SpecifyKind(e.StartsAtLocal, DateTimeKind.Utc)),
        ["location"] = new JsonObject { ["lat"] = e.Latitude, ["lon"] = e.Longitude },
        ["min_price"] = e.MinPrice,
        ["max_price"] = e.MaxPrice,
        ["currency"] = e.Currency,
        ["total_seats"] = e.TotalSeats,
        ["available_seats"] = e.AvailableSeats,
    };

    public static JsonObject Search(SearchQuery query, IReadOnlyList<string> words, DateTime now)
    {
        var order = query.Order == SearchOrder.Distance && query.Near is null ? SearchOrder.Date : query.Order;
        var must = new JsonArray();
        foreach (var word in words)
        {
            var anyField = new JsonArray();
            foreach (var (field, boost) in TextFieldBoosts)
            {
                anyField.Add(new JsonObject { ["term"] = new JsonObject { [field] = new JsonObject { ["value"] = word, ["boost"] = boost } } });
                if (Lucene.LuceneQueries.MaxEdits(word) is > 0 and var edits)
                {
                    anyField.Add(new JsonObject
                    {
                        ["fuzzy"] = new JsonObject
                        {
                            [field] = new JsonObject
                            {
                                ["value"] = word, ["fuzziness"] = edits, ["prefix_length"] = Lucene.LuceneQueries.FuzzyPrefixLength,
                                ["max_expansions"] = Lucene.LuceneQueries.FuzzyMaxExpansions, ["transpositions"] = true,
                                ["boost"] = Math.Round(boost * 0.6, 2),
                            },
                        },
                    });
                }
            }

            must.Add(new JsonObject { ["dis_max"] = new JsonObject { ["tie_breaker"] = 0.1, ["queries"] = anyField } });
        }

        var sort = order switch
        {
            SearchOrder.Relevance => new JsonArray(new JsonObject { ["_score"] = "desc" }, Asc("starts_at"), Asc("event_id")),
            SearchOrder.Distance => new JsonArray(
                new JsonObject
                {
                    ["_geo_distance"] = new JsonObject
                    {
                        ["location"] = Point(query.Near!.Latitude, query.Near.Longitude), ["order"] = "asc", ["unit"] = "km", ["distance_type"] = "arc",
                    },
                },
                Asc("starts_at"),
                Asc("event_id")),
            _ => new JsonArray(Asc("starts_at"), Asc("event_id")),
        };

        var body = new JsonObject
        {
            ["from"] = query.Offset,
            ["size"] = query.Limit,
            ["track_total_hits"] = true,
            ["track_scores"] = true,
            ["_source"] = new JsonArray("event_id", "location", "available_seats"),
            ["query"] = new JsonObject
            {
                ["bool"] = new JsonObject
                {
                    ["must"] = must.Count == 0 ? new JsonArray(new JsonObject { ["match_all"] = new JsonObject() }) : must,
                    ["filter"] = Filters(query, now),
                },
            },
            ["sort"] = sort,
            ["aggs"] = new JsonObject
            {
                ["categories"] = Terms("category", 50),
                ["cities"] = Terms("city.keyword", 200),
                ["months"] = Terms("month", 240),
            },
        };
        if (words.Count > 0)
        {
            body["highlight"] = new JsonObject
            {
                ["pre_tags"] = new JsonArray("<em>"),
                ["post_tags"] = new JsonArray("</em>"),
                ["encoder"] = "html",
                ["fields"] = new JsonObject
                {
                    ["name"] = new JsonObject { ["number_of_fragments"] = 0 },
                    ["performers"] = new JsonObject { ["number_of_fragments"] = 0 },
                    ["venue"] = new JsonObject { ["number_of_fragments"] = 0 },
                    ["description"] = new JsonObject { ["fragment_size"] = 120, ["number_of_fragments"] = 2 },
                },
            };
        }

        return body;
    }

    /// <summary>Every typed word must start a word of the name or of a performer; upcoming events only.</summary>
    public static JsonObject Suggest(IReadOnlyList<string> words, int limit, DateTime now)
    {
        var must = new JsonArray();
        foreach (var word in words)
        {
            var prefix = word.Length > 20 ? word[..20] : word;
            must.Add(new JsonObject
            {
                ["bool"] = new JsonObject
                {
                    ["should"] = new JsonArray(
                        new JsonObject { ["term"] = new JsonObject { ["name.suggest"] = prefix } },
                        new JsonObject { ["term"] = new JsonObject { ["performers.suggest"] = prefix } }),
                    ["minimum_should_match"] = 1,
                },
            });
        }

        return new JsonObject
        {
            ["size"] = limit * 4,
            ["_source"] = new JsonArray("event_id", "name"),
            ["query"] = new JsonObject
            {
                ["bool"] = new JsonObject
                {
                    ["must"] = must,
                    ["filter"] = new JsonArray(new JsonObject { ["range"] = new JsonObject { ["starts_at"] = new JsonObject { ["gte"] = Date(now) } } }),
                },
            },
            ["sort"] = new JsonArray(new JsonObject { ["_score"] = "desc" }, Asc("starts_at"), Asc("event_id")),
        };
    }

    /// <summary>One atomic alias update: the alias leaves the old indexes and joins the new one in the same cluster-state change.</summary>
    public static JsonObject SwapAlias(string alias, string newIndex, IEnumerable<string> oldIndexes)
    {
        var actions = new JsonArray();
        foreach (var old in oldIndexes)
        {
            actions.Add(new JsonObject { ["remove"] = new JsonObject { ["index"] = old, ["alias"] = alias, ["must_exist"] = false } });
        }

        actions.Add(new JsonObject { ["add"] = new JsonObject { ["index"] = newIndex, ["alias"] = alias } });
        return new JsonObject { ["actions"] = actions };
    }

    private static readonly (string Field, double Boost)[] TextFieldBoosts =
        [.. Lucene.LuceneFields.TextFields.Select(f => (f.Field, (double)f.Boost))];

    private static JsonArray Filters(SearchQuery query, DateTime now)
    {
        var filters = new JsonArray();
        if (query.Category is { } category)
        {
            filters.Add(Term("category", category.ToString()));
        }

        if (!string.IsNullOrWhiteSpace(query.City))
        {
            filters.Add(Term("city.lower", query.City.Trim().ToLowerInvariant()));
        }

        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            filters.Add(Term("country", query.Country.Trim().ToUpperInvariant()));
        }

        if (query.Currency is { } currency)
        {
            filters.Add(Term("currency", currency));
        }

        var from = query.StartsFrom ?? (query.HasDateRange ? null : now);
        if (query.LocalFrom is not null || query.LocalBefore is not null)
        {
            var local = new JsonObject();
            if (query.LocalFrom is { } localFrom)
            {
                local["gte"] = Date(DateTime.SpecifyKind(localFrom, DateTimeKind.Utc));
            }

            if (query.LocalBefore is { } localBefore)
            {
                local["lt"] = Date(DateTime.SpecifyKind(localBefore, DateTimeKind.Utc));
            }

            filters.Add(new JsonObject { ["range"] = new JsonObject { ["starts_at_local"] = local } });
        }

        if (from is not null || query.StartsTo is not null)
        {
            var range = new JsonObject();
            if (from is { } gte)
            {
                range["gte"] = Date(gte);
            }

            if (query.StartsTo is { } lte)
            {
                range["lte"] = Date(lte);
            }

            filters.Add(new JsonObject { ["range"] = new JsonObject { ["starts_at"] = range } });
        }

        if (query.OnSaleOnly)
        {
            filters.Add(Term("status", nameof(Events.EventStatus.OnSale)));
        }

        if (query.MaxPrice is { } maxPrice)
        {
            filters.Add(new JsonObject { ["range"] = new JsonObject { ["min_price"] = new JsonObject { ["lte"] = maxPrice } } });
        }

        if (query.Near is { } near)
        {
            filters.Add(new JsonObject
            {
                ["geo_distance"] = new JsonObject
                {
                    ["distance"] = near.RadiusKm.ToString("0.###", CultureInfo.InvariantCulture) + "km",
                    ["location"] = Point(near.Latitude, near.Longitude),
                },
            });
        }

        return filters;
    }

    private static JsonObject Action(string action, string index, int eventId, long? version)
    {
        var meta = new JsonObject { ["_index"] = index, ["_id"] = eventId.ToString(CultureInfo.InvariantCulture) };
        if (version is { } v)
        {
            meta["version"] = v;
            meta["version_type"] = "external_gte";
        }

        return new JsonObject { [action] = meta };
    }

    private static JsonObject Type(string type) => new() { ["type"] = type };

    private static JsonObject Text() => new() { ["type"] = "text", ["analyzer"] = "standard" };

    private static JsonObject TextWithSuggest() => new()
    {
        ["type"] = "text",
        ["analyzer"] = "standard",
        ["fields"] = new JsonObject { ["suggest"] = new JsonObject { ["type"] = "text", ["analyzer"] = EdgeNGramAnalyzer, ["search_analyzer"] = "standard" } },
    };

    private static JsonObject Term(string field, string value) => new() { ["term"] = new JsonObject { [field] = value } };

    private static JsonObject Terms(string field, int size) => new() { ["terms"] = new JsonObject { ["field"] = field, ["size"] = size } };

    private static JsonObject Asc(string field) => new() { [field] = "asc" };

    private static JsonObject Point(double latitude, double longitude) => new() { ["lat"] = latitude, ["lon"] = longitude };

    private static string Date(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
