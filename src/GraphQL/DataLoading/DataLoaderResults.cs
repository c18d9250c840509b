using GraphQL.DataLoader;

namespace TicketMaster.GraphQL.DataLoading;

public static class DataLoaderResults
{
    /// <summary>Many pending loads as one list; every key is queued before the first is awaited, so they share batches.</summary>
    public static IDataLoaderResult<object?[]> All(IReadOnlyList<IDataLoaderResult> results) => new Combined(results);

    /// <summary>A pending load whose value is transformed once it arrives.</summary>
    public static IDataLoaderResult<TResult> Then<TValue, TResult>(this IDataLoaderResult<TValue> result, Func<TValue, TResult> map) =>
        new Mapped<TValue, TResult>(result, map);

    private sealed class Combined(IReadOnlyList<IDataLoaderResult> results) : IDataLoaderResult<object?[]>
    {
        public async Task<object?[]> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = new object?[results.Count];
            for (var i = 0; i < results.Count; i++)
            {
                values[i] = await results[i].GetResultAsync(cancellationToken);
            }

            return values;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }

    private sealed class Mapped<TValue, TResult>(IDataLoaderResult<TValue> inner, Func<TValue, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) => map(await inner.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
