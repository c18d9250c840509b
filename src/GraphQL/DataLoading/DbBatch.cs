using Microsoft.EntityFrameworkCore;

namespace TicketMaster.GraphQL.DataLoading;

/// <summary>Builds batch loaders that run one query, on a short-lived context of their own, per batch.</summary>
public sealed class DbBatch<TContext>(IDbContextFactory<TContext> contexts)
    where TContext : DbContext
{
    public BatchLoader<TKey, TValue> One<TKey, TValue>(
        Func<TContext, IReadOnlyCollection<TKey>, CancellationToken, Task<Dictionary<TKey, TValue>>> fetch)
        where TKey : notnull =>
        new(async (keys, cancellationToken) =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await fetch(db, keys, cancellationToken);
        });

    /// <summary>One-to-many: every key gets a list, empty when nothing matched.</summary>
    public BatchLoader<TKey, IReadOnlyList<TValue>> Many<TKey, TValue>(
        Func<TContext, IReadOnlyCollection<TKey>, CancellationToken, Task<List<TValue>>> fetch, Func<TValue, TKey> keyOf)
        where TKey : notnull =>
        new(async (keys, cancellationToken) =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var rows = (await fetch(db, keys, cancellationToken)).ToLookup(keyOf);
            return keys.ToDictionary(key => key, key => (IReadOnlyList<TValue>)rows[key].ToList());
        });
}
