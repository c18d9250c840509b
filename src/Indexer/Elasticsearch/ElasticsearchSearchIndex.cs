using System.Globalization;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using TicketMaster.Indexer.Lucene;
using TicketMaster.Indexer.Search;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace TicketMaster.Indexer.Elasticsearch;

/// <summary>
/// The production search index: Elasticsearch 9 behind an alias. Each (re)build creates a
/// concrete index <c>&lt;alias&gt;-&lt;timestamp&gt;</c> and moves the alias in one atomic
/// <c>_aliases</c> call. The checkpoint of each concrete index is a document in
/// <c>&lt;alias&gt;-checkpoints</c>, written after the batch's bulk request: a crash between the two
/// repeats the batch, which external versions make harmless. Requests go through the official
/// client's transport (node pool, authentication, product check) with bodies from
/// <see cref="ElasticsearchRequests"/>.
/// </summary>
public sealed class ElasticsearchSearchIndex(ElasticsearchClient client, string alias, bool refreshOnWrite = false) : ISearchIndex, IDisposable
{
    private static readonly RequestConfiguration NdJson = new() { ContentType = "application/x-ndjson" };
    private readonly global::Lucene.Net.Analysis.Analyzer _analyzer = LuceneFields.CreateAnalyzer();

    private string Alias => alias;

    private string CheckpointIndex => alias + "-checkpoints";

    private string Refresh => refreshOnWrite ? "?refresh=wait_for" : "";

    public static ElasticsearchClient CreateClient(SearchOptions options)
    {
        var settings = new ElasticsearchClientSettings(new Uri(options.ElasticsearchUrl));
        if (!string.IsNullOrEmpty(options.ElasticsearchUsername))
        {
            settings = settings.Authentication(new BasicAuthentication(options.ElasticsearchUsername, options.ElasticsearchPassword ?? ""));
        }

        return new ElasticsearchClient(settings);
    }

    public async Task<long?> ReadCheckpointAsync(CancellationToken cancellationToken)
    {
        var live = await LiveIndexesAsync(cancellationToken);
        if (live.Count == 0)
        {
            return null;
        }

        var response = await SendAsync(HttpMethod.GET, $"{CheckpointIndex}/_doc/{live[0]}", null, cancellationToken, allow: 404);
        return response?["found"]?.GetValue<bool>() == true ? response["_source"]!["checkpoint"]!.GetValue<long>() : null;
    }

    public async Task ApplyAsync(IndexBatch batch, CancellationToken cancellationToken)
    {
        var live = await LiveIndexesAsync(cancellationToken);
        if (live.Count == 0)
        {
            throw new InvalidOperationException($"There is no index behind alias '{alias}' yet; build one first.");
        }

        if (batch.Upserts.Count + batch.Removals.Count > 0)
        {
            await BulkAsync(ElasticsearchRequests.Bulk(live[0], batch.Upserts, batch.Removals), cancellationToken);
        }

        await SendAsync(HttpMethod.PUT, $"{CheckpointIndex}/_doc/{live[0]}{Refresh}", ElasticsearchRequests.CheckpointDocument(batch.Checkpoint).ToJsonString(), cancellationToken);
    }

    public async Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var words = LuceneFields.Words(_analyzer, query.Term, SearchLimits.MaxTermWords);
        var body = ElasticsearchRequests.Search(query, words, query.Now ?? DateTime.UtcNow);
        var response = await SendAsync(HttpMethod.POST, $"{alias}/_search", body.ToJsonString(), cancellationToken, allow: 404);
        if (response?["hits"] is not JsonObject hits)
        {
            return new SearchResult([], 0, SearchFacets.Empty);
        }

        var results = hits["hits"]!.AsArray().Select(hit =>
        {
            var source = hit!["_source"]!;
            double? distance = query.Near is { } near
                ? Math.Round(SearchLimits.HaversineKm(near.Latitude, near.Longitude, source["location"]!["lat"]!.GetValue<double>(), source["location"]!["lon"]!.GetValue<double>()), 3)
                : null;
            var highlights = hit["highlight"] is JsonObject highlight
                ? highlight.Select(h => new Highlight(h.Key, h.Value!.AsArray().Select(f => f!.GetValue<string>()).ToList())).ToList()
                : [];
            return new SearchHit(source["event_id"]!.GetValue<int>(), hit["_score"]?.GetValueKind() == System.Text.Json.JsonValueKind.Number ? hit["_score"]!.GetValue<double>() : 0,
                distance, source["available_seats"]?.GetValue<int>() ?? 0, highlights);
        }).ToList();
        var aggregations = response["aggregations"]!;
        return new SearchResult(results, hits["total"]!["value"]!.GetValue<int>(), new SearchFacets(
            Buckets(aggregations["categories"]!, byCount: true), Buckets(aggregations["cities"]!, byCount: true), Buckets(aggregations["months"]!, byCount: false)));
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, DateTime now, CancellationToken cancellationToken)
    {
        var words = LuceneFields.Words(_analyzer, prefix, SearchLimits.MaxTermWords);
        if (words.Count == 0 || limit <= 0)
        {
            return [];
        }

        var response = await SendAsync(HttpMethod.POST, $"{alias}/_search", ElasticsearchRequests.Suggest(words, limit, now).ToJsonString(), cancellationToken, allow: 404);
        var suggestions = new List<Suggestion>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var hit in response?["hits"]?["hits"]?.AsArray() ?? [])
        {
            var name = hit!["_source"]!["name"]!.GetValue<string>();
            if (suggestions.Count < limit && seen.Add(name))
            {
                suggestions.Add(new Suggestion(name, hit["_source"]!["event_id"]!.GetValue<int>()));
            }
        }

        return suggestions;
    }

    public async Task<IIndexRebuild> BeginRebuildAsync(CancellationToken cancellationToken)
    {
        var index = $"{alias}-{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        await SendAsync(HttpMethod.PUT, index, ElasticsearchRequests.CreateIndex().ToJsonString(), cancellationToken);
        return new Rebuild(this, index);
    }

    /// <summary>Removes every index this alias has used (tests clean up with it).</summary>
    public async Task DeleteAllAsync(CancellationToken cancellationToken)
    {
        var indexes = await SendAsync(HttpMethod.GET, $"{alias}-*", null, cancellationToken, allow: 404);
        foreach (var index in indexes?.AsObject().Select(pair => pair.Key).ToList() ?? [])
        {
            await SendAsync(HttpMethod.DELETE, index, null, cancellationToken, allow: 404);
        }
    }

    public void Dispose() => _analyzer.Dispose();

    private static List<FacetValue> Buckets(JsonNode aggregation, bool byCount)
    {
        var values = aggregation["buckets"]!.AsArray().Select(b => new FacetValue(b!["key"]!.GetValue<string>(), b["doc_count"]!.GetValue<int>()));
        return byCount
            ? [.. values.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)]
            : [.. values.OrderBy(v => v.Value, StringComparer.Ordinal)];
    }

    private async Task<List<string>> LiveIndexesAsync(CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.GET, $"_alias/{alias}", null, cancellationToken, allow: 404);
        return response is JsonObject indexes && response["error"] is null && response["status"] is null
            ? [.. indexes.Select(pair => pair.Key).Order(StringComparer.Ordinal)]
            : [];
    }

    private async Task BulkAsync(string ndjson, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.POST, $"_bulk{Refresh}", ndjson, cancellationToken, NdJson);
        if (response?["errors"]?.GetValue<bool>() != true)
        {
            return;
        }

        // 409: the index holds a newer version (a late or repeated batch); 404: deleting what is already gone.
        var failed = response["items"]!.AsArray()
            .Select(item => item!.AsObject().First().Value!)
            .Where(result => result["status"]!.GetValue<int>() is not (< 300 or 409 or 404))
            .Select(result => $"{result["_id"]}: {result["error"]?.ToJsonString()}")
            .ToList();
        if (failed.Count > 0)
        {
            throw new ElasticsearchRequestException($"Bulk request failed for {failed.Count} documents: {string.Join("; ", failed.Take(5))}");
        }
    }

    private async Task EnsureCheckpointIndexAsync(CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.PUT, CheckpointIndex, ElasticsearchRequests.CreateCheckpointIndex().ToJsonString(), cancellationToken, allow: 400);

    private Task<JsonNode?> SendAsync(HttpMethod method, string path, string? body, CancellationToken cancellationToken, int allow) =>
        SendAsync(method, path, body, cancellationToken, null, allow);

    private async Task<JsonNode?> SendAsync(
        HttpMethod method, string path, string? body, CancellationToken cancellationToken, RequestConfiguration? configuration = null, int? allow = null)
    {
        StringResponse response;
        try
        {
            response = configuration is null
                ? await client.Transport.RequestAsync<StringResponse>(method, path, body is null ? null : PostData.String(body), cancellationToken)
                : await client.Transport.RequestAsync<StringResponse>(method, path, body is null ? null : PostData.String(body), configuration, cancellationToken);
        }
        catch (TransportException e)
        {
            throw new ElasticsearchRequestException($"Elasticsearch did not answer {method} /{path}: {e.Message}", e);
        }

        var status = response.ApiCallDetails.HttpStatusCode;
        if (status is null)
        {
            throw new ElasticsearchRequestException($"Elasticsearch did not answer {method} /{path}: {response.ApiCallDetails.OriginalException?.Message}", response.ApiCallDetails.OriginalException);
        }

        if (status == allow)
        {
            return null;
        }

        if (!response.ApiCallDetails.HasSuccessfulStatusCode)
        {
            throw new ElasticsearchRequestException($"Elasticsearch answered {status} to {method} /{path}: {Truncate(response.Body)}");
        }

        return string.IsNullOrEmpty(response.Body) ? null : JsonNode.Parse(response.Body);
    }

    private static string Truncate(string? text) => text is { Length: > 500 } ? text[..500] + "…" : text ?? "";

    private sealed class Rebuild(ElasticsearchSearchIndex owner, string index) : IIndexRebuild
    {
        private bool _swapped;

        public Task AddAsync(IReadOnlyList<EventDocument> documents, CancellationToken cancellationToken) =>
            documents.Count == 0 ? Task.CompletedTask : owner.BulkAsync(ElasticsearchRequests.Bulk(index, documents, [], versioned: true), cancellationToken);

        public async Task SwapInAsync(long checkpoint, CancellationToken cancellationToken)
        {
            await owner.SendAsync(HttpMethod.POST, $"{index}/_refresh", null, cancellationToken);
            await owner.EnsureCheckpointIndexAsync(cancellationToken);
            await owner.SendAsync(HttpMethod.PUT, $"{owner.CheckpointIndex}/_doc/{index}?refresh=wait_for",
                ElasticsearchRequests.CheckpointDocument(checkpoint).ToJsonString(), cancellationToken);
            var old = await owner.LiveIndexesAsync(cancellationToken);
            await owner.SendAsync(HttpMethod.POST, "_aliases", ElasticsearchRequests.SwapAlias(owner.Alias, index, old).ToJsonString(), cancellationToken);
            _swapped = true;
            foreach (var retired in old)
            {
                await owner.SendAsync(HttpMethod.DELETE, retired, null, cancellationToken, allow: 404);
                await owner.SendAsync(HttpMethod.DELETE, $"{owner.CheckpointIndex}/_doc/{retired}", null, cancellationToken, allow: 404);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_swapped)
            {
                await owner.SendAsync(HttpMethod.DELETE, index, null, CancellationToken.None, allow: 404);
            }
        }
    }
}

public sealed class ElasticsearchRequestException(string message, Exception? inner = null) : Exception(message, inner);
