using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;
using TicketMaster.Events;
using TicketMaster.Indexer.Elasticsearch;
using TicketMaster.Indexer.Search;
using Contract = TicketMaster.Indexer.Tests.Contract;

namespace TicketMaster.Indexer.Tests.Elasticsearch;

/// <summary>
/// No Elasticsearch server exists here, so the adapter talks to <see cref="FakeElasticsearch"/>
/// and the requests it put on the wire are compared with committed snapshots
/// (<c>__snapshots__/</c>): a change to a mapping or query shows up in review as a diff.
/// </summary>
public sealed class ElasticsearchRequestTests : IDisposable
{
    private const string Alias = "ticketmaster-events";
    private readonly FakeElasticsearch _server = new();
    private readonly ElasticsearchSearchIndex _index;

    public ElasticsearchRequestTests()
    {
        _index = new ElasticsearchSearchIndex(ElasticsearchSearchIndex.CreateClient(new SearchOptions { ElasticsearchUrl = _server.Url }), Alias);
    }

    [Fact]
    public async Task A_rebuild_creates_an_explicitly_mapped_index_fills_it_and_swaps_the_alias_atomically()
    {
        _server.AliasTargets.Add("ticketmaster-events-20260101000000000");

        await using (var rebuild = await _index.BeginRebuildAsync(CancellationToken.None))
        {
            await rebuild.AddAsync([Contract.Documents.Catalogue[0], Contract.Documents.Catalogue[2]], CancellationToken.None);
            await rebuild.SwapInAsync(42, CancellationToken.None);
        }

        Snapshot.Match(Wire(), "Elasticsearch.Rebuild");
    }

    [Fact]
    public async Task A_batch_is_one_bulk_request_with_external_versions_then_the_checkpoint()
    {
        _server.AliasTargets.Add("ticketmaster-events-20260101000000000");

        await _index.ApplyAsync(new IndexBatch([Contract.Documents.Catalogue[1] with { Version = 17 }], [new IndexRemoval(4, 18)], 18), CancellationToken.None);

        Snapshot.Match(Wire(), "Elasticsearch.Batch");
    }

    [Fact]
    public async Task A_search_sends_term_and_fuzzy_queries_filters_geo_facets_and_highlights_and_reads_the_answer()
    {
        _server.SearchResponse = """
            {"hits":{"total":{"value":7},"hits":[
              {"_score":3.5,"_source":{"event_id":1,"location":{"lat":52.51,"lon":13.24},"available_seats":60},
               "highlight":{"performers":["<em>Taylor</em> <em>Swift</em>"]}}]},
             "aggregations":{"categories":{"buckets":[{"key":"Concert","doc_count":7}]},
                             "cities":{"buckets":[{"key":"Berlin","doc_count":6},{"key":"Potsdam","doc_count":1}]},
                             "months":{"buckets":[{"key":"2027-03","doc_count":5},{"key":"2027-01","doc_count":2}]}}}
            """;

        var result = await _index.SearchAsync(new SearchQuery(
            Term: "tayler swfit name:* OR",
            Category: EventCategory.Concert,
            City: "Berlin",
            Country: "de",
            StartsFrom: new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            StartsTo: new DateTime(2027, 12, 31, 0, 0, 0, DateTimeKind.Utc),
            Near: new GeoFilter(52.52, 13.40, 50),
            OnSaleOnly: true,
            MaxPrice: 120,
            Order: SearchOrder.Distance,
            Offset: 10,
            Limit: 5,
            Now: Contract.Documents.Now), CancellationToken.None);

        Snapshot.Match(Wire(), "Elasticsearch.Search");
        var hit = Assert.Single(result.Hits);
        Assert.Equal((1, 3.5, 60, 7), (hit.EventId, hit.Score, hit.AvailableSeats, result.Total));
        Assert.InRange(hit.DistanceKm!.Value, 10, 12);
        Assert.Equal([new Highlight("performers", ["<em>Taylor</em> <em>Swift</em>"])], hit.Highlights, new HighlightComparer());
        Assert.Equal([new FacetValue("2027-01", 2), new FacetValue("2027-03", 5)], result.Facets.Months);
    }

    [Fact]
    public async Task A_suggestion_is_a_prefix_query_on_the_edge_n_gram_fields()
    {
        await _index.SuggestAsync("Taylor Sw", 5, Contract.Documents.Now, CancellationToken.None);

        Snapshot.Match(Wire(), "Elasticsearch.Suggest");
    }

    public void Dispose()
    {
        _index.Dispose();
        _server.Dispose();
    }

    /// <summary>Requests as sent: JSON bodies parsed (NDJSON as one element per line) so the snapshot reads as a document.</summary>
    private List<JObject> Wire() => _server.Requests.Select(r => r.Body.Length == 0
        ? new JObject { ["request"] = $"{r.Method} /{r.StablePath}" }
        : new JObject
        {
            ["request"] = $"{r.Method} /{r.StablePath}",
            ["contentType"] = r.ContentType,
            ["body"] = r.ContentType?.StartsWith("application/x-ndjson", StringComparison.Ordinal) == true
                ? new JArray(r.StableBody.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse))
                : Parse(r.StableBody),
        }).ToList();

    /// <summary>Strings stay strings (no date re-formatting), so the snapshot shows the exact bytes sent.</summary>
    private static JToken Parse(string json)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    private sealed class HighlightComparer : IEqualityComparer<Highlight>
    {
        public bool Equals(Highlight? x, Highlight? y) => x!.Field == y!.Field && x.Fragments.SequenceEqual(y.Fragments);

        public int GetHashCode(Highlight obj) => obj.Field.GetHashCode(StringComparison.Ordinal);
    }
}
