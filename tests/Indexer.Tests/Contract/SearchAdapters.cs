using TicketMaster.Indexer.Lucene;
using TicketMaster.Indexer.Search;

namespace TicketMaster.Indexer.Tests.Contract;

/// <summary>
/// The adapters the contract runs against: Lucene always; Elasticsearch only when
/// <c>TM_ELASTICSEARCH</c> names a server. Rows that do not exist are not run, rather than
/// reported as skipped: no Elasticsearch exists on these machines or in CI, so a skip would be
/// noise in every run (docs/adr/0007-search-index.md).
/// </summary>
public static class SearchAdapters
{
    public const string Lucene = "Lucene";
    public const string Elasticsearch = "Elasticsearch";

    public static string? ElasticsearchUrl => Environment.GetEnvironmentVariable("TM_ELASTICSEARCH") is { Length: > 0 } url ? url : null;

    public static TheoryData<string> All
    {
        get
        {
            var adapters = new TheoryData<string> { Lucene };
            if (ElasticsearchUrl is not null)
            {
                adapters.Add(Elasticsearch);
            }

            return adapters;
        }
    }

    public static Task<TestIndex> CreateAsync(string adapter) => adapter switch
    {
        Lucene => Task.FromResult(TestIndex.Lucene()),
        Elasticsearch => TestIndex.ElasticsearchAsync(ElasticsearchUrl!),
        _ => throw new ArgumentOutOfRangeException(nameof(adapter)),
    };
}

/// <summary>An index of a test's own, removed afterwards.</summary>
public sealed class TestIndex(ISearchIndex index, Func<Task> cleanUp) : IAsyncDisposable
{
    public ISearchIndex Index { get; } = index;

    public static TestIndex Lucene(string? path = null)
    {
        var directory = path ?? Directory.CreateTempSubdirectory("tm-lucene-").FullName;
        var lucene = new LuceneSearchIndex(directory);
        return new TestIndex(lucene, () =>
        {
            lucene.Dispose();
            if (path is null)
            {
                Directory.Delete(directory, recursive: true);
            }

            return Task.CompletedTask;
        });
    }

    public static Task<TestIndex> ElasticsearchAsync(string url)
    {
        var alias = $"tm-test-{Guid.NewGuid():N}"[..24];
        var elastic = new TicketMaster.Indexer.Elasticsearch.ElasticsearchSearchIndex(
            TicketMaster.Indexer.Elasticsearch.ElasticsearchSearchIndex.CreateClient(new SearchOptions { ElasticsearchUrl = url }),
            alias,
            refreshOnWrite: true);
        return Task.FromResult(new TestIndex(elastic, async () =>
        {
            await elastic.DeleteAllAsync(CancellationToken.None);
            elastic.Dispose();
        }));
    }

    public async Task BuildAsync(IEnumerable<EventDocument> documents, long checkpoint = 1)
    {
        await using var rebuild = await Index.BeginRebuildAsync(CancellationToken.None);
        await rebuild.AddAsync(documents.ToList(), CancellationToken.None);
        await rebuild.SwapInAsync(checkpoint, CancellationToken.None);
    }

    public Task<SearchResult> SearchAsync(SearchQuery query) => Index.SearchAsync(query with { Now = query.Now ?? Documents.Now }, CancellationToken.None);

    public ValueTask DisposeAsync() => new(cleanUp());
}
