using Elastic.Clients.Elasticsearch;
using TicketMaster.Indexer.Search;

namespace TicketMaster.Indexer.Elasticsearch;

public sealed class ElasticsearchSearchIndex(ElasticsearchClient client, string alias, bool refreshOnWrite = false) : ISearchIndex
{
    public static ElasticsearchClient CreateClient(SearchOptions options) => new(new Uri(options.ElasticsearchUrl));

    public Task<long?> ReadCheckpointAsync(CancellationToken cancellationToken) => throw new NotImplementedException($"{client}{alias}{refreshOnWrite}");

    public Task ApplyAsync(IndexBatch batch, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, DateTime now, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<IIndexRebuild> BeginRebuildAsync(CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task DeleteAllAsync(CancellationToken cancellationToken) => throw new NotImplementedException();
}
