using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace TicketMaster.GraphQL.Paging;

/// <summary>
/// Relay cursor paging over an ordered query, the way Hot Chocolate pages an IQueryable: a cursor
/// is the Base64 of the item's offset, pages default to 10 items and never exceed 50, and the
/// page and its count are SQL (OFFSET/LIMIT and COUNT), never in memory.
/// </summary>
public static class Pager
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 50;

    public static FieldBuilder<TSource, object> PagingArguments<TSource>(this FieldBuilder<TSource, object> field) => field
        .Argument<IntGraphType>("first", "Returns the first _n_ elements from the list.")
        .Argument<StringGraphType>("after", "Returns the elements in the list that come after the specified cursor.")
        .Argument<IntGraphType>("last", "Returns the last _n_ elements from the list.")
        .Argument<StringGraphType>("before", "Returns the elements in the list that come before the specified cursor.");

    public static async Task<Connection<T>> PageAsync<TContext, T>(
        IResolveFieldContext context, Func<TContext, IQueryable<T>> query)
        where TContext : DbContext
    {
        var (first, after, last, before) = ReadArguments(context);
        var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<TContext>>();
        var cancellationToken = context.CancellationToken;
        Task<int>? count = null;
        Task<int> CountAsync(CancellationToken token) => count ??= CountWithOwnContextAsync(factory, query, token);

        var start = after + 1;
        int sliceStart, take;
        bool hasNext;
        List<T> items;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (last is null)
            {
                sliceStart = start;
                take = first ?? DefaultPageSize;
                if (before is { } end)
                {
                    take = Math.Max(0, Math.Min(take, end - start));
                }

                items = await query(db).Skip(sliceStart).Take(take + 1).ToListAsync(cancellationToken);
                hasNext = items.Count > take || (before is not null && items.Count == take && take > 0);
                if (items.Count > take)
                {
                    items.RemoveAt(take);
                }
            }
            else
            {
                var end = before ?? await CountAsync(cancellationToken);
                sliceStart = Math.Max(start, end - last.Value);
                take = Math.Max(0, end - sliceStart);
                items = await query(db).Skip(sliceStart).Take(take).ToListAsync(cancellationToken);
                hasNext = before is not null;
            }
        }

        var edges = items.Select((item, i) => new Edge<T>(Cursor(sliceStart + i), item)).ToList();
        var pageInfo = new PageInfo(hasNext, sliceStart > 0, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor);
        return new Connection<T>(edges, pageInfo, CountAsync);
    }

    public static string Cursor(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes(offset.ToString(CultureInfo.InvariantCulture)));

    private static async Task<int> CountWithOwnContextAsync<TContext, T>(
        IDbContextFactory<TContext> factory, Func<TContext, IQueryable<T>> query, CancellationToken cancellationToken)
        where TContext : DbContext
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await query(db).CountAsync(cancellationToken);
    }

    private static (int? First, int After, int? Last, int? Before) ReadArguments(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        if (first is not null && last is not null)
        {
            throw new PagingError("Pass either `first` or `last`, not both.");
        }

        foreach (var (name, value) in new[] { ("first", first), ("last", last) })
        {
            if (value is < 0 or > MaxPageSize)
            {
                throw new PagingError($"`{name}` must be between 0 and {MaxPageSize}; it was {value}.");
            }
        }

        var after = Offset(context.GetArgument<string?>("after"), "after") ?? -1;
        var before = Offset(context.GetArgument<string?>("before"), "before");
        return (first, after, last, before);
    }

    /// <summary>The offset a cursor of this pager encodes; a typed error for anything else. Shared with connections paged outside SQL (search).</summary>
    public static int? Offset(string? cursor, string argument)
    {
        if (cursor is null)
        {
            return null;
        }

        var bytes = new byte[cursor.Length];
        if (Convert.TryFromBase64String(cursor, bytes, out var length) &&
            int.TryParse(Encoding.UTF8.GetString(bytes, 0, length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return offset;
        }

        throw new PagingError($"`{argument}` is not a cursor this connection issued: '{cursor}'.");
    }
}

public sealed class PagingError : ExecutionError
{
    public PagingError(string message)
        : base(message)
    {
        Code = "INVALID_PAGING_ARGUMENTS";
    }
}
