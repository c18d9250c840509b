using GraphQL.DataLoader;

namespace TicketMaster.GraphQL.DataLoading;

/// <summary>
/// Our DataLoader (GraphQL.DataLoader is not served here). Every key asked for while one level of
/// the query is being resolved goes into one batch; GraphQL.NET awaits the pending results only
/// after the whole level has asked, so the first await fetches the batch in one query. Results
/// are cached for the request, so a key is fetched at most once.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Batch> _batchOf = [];
    private Batch? _open;

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_batchOf.TryGetValue(key, out var batch))
            {
                batch = _open ??= new Batch();
                batch.Keys.Add(key);
                _batchOf[key] = batch;
            }

            return new Result(this, batch, key);
        }
    }

    private Task<IReadOnlyDictionary<TKey, TValue>> Dispatch(Batch batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (ReferenceEquals(batch, _open))
            {
                _open = null;
            }

            return batch.Fetched ??= fetch(batch.Keys, cancellationToken);
        }
    }

    private sealed class Batch
    {
        public HashSet<TKey> Keys { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>>? Fetched { get; set; }
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await loader.Dispatch(batch, cancellationToken);
            return values.TryGetValue(key, out var value) ? value : default;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
