using System.Linq.Expressions;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using TicketMaster.GraphQL.Filtering;
using TicketMaster.GraphQL.Sorting;

namespace TicketMaster.GraphQL.Paging;

/// <summary>
/// A connection field with Hot Chocolate's <c>first/after/last/before</c>, <c>where</c> and
/// <c>order</c> arguments over an EF query: filter, sort and page all run in SQL.
/// </summary>
public static class QueryableConnection
{
    public static FieldBuilder<TSource, object> AddConnection<TContext, TSource, TEntity, TNodeType, TFilter, TSort>(
        this ObjectGraphType<TSource> type,
        string name,
        string description,
        Func<TContext, TSource, IQueryable<TEntity>> source,
        Expression<Func<TEntity, int>> tieBreaker,
        object defaultOrder)
        where TContext : DbContext
        where TNodeType : IGraphType
        where TFilter : FilterInputType<TEntity>
        where TSort : SortInputType<TEntity>
    {
        var field = type.Field<NonNullGraphType<ConnectionType<TNodeType, TEntity>>>(name);
        return field.Connection<TContext, TSource, TEntity, int, TFilter, TSort>(description, (db, ctx) => source(db, ctx.Source!), tieBreaker, defaultOrder);
    }

    /// <summary>
    /// A nullable connection whose rows depend on the request (e.g. the caller's own orders): when
    /// the field cannot be resolved (no token), only it is null and the rest of the answer stands.
    /// </summary>
    public static FieldBuilder<TSource, object> AddRequestConnection<TContext, TSource, TEntity, TKey, TNodeType, TFilter, TSort>(
        this ObjectGraphType<TSource> type,
        string name,
        string description,
        Func<TContext, IResolveFieldContext<TSource>, IQueryable<TEntity>> source,
        Expression<Func<TEntity, TKey>> tieBreaker,
        object defaultOrder)
        where TContext : DbContext
        where TNodeType : IGraphType
        where TFilter : FilterInputType<TEntity>
        where TSort : SortInputType<TEntity>
    {
        var field = type.Field<ConnectionType<TNodeType, TEntity>>(name);
        return field.Connection<TContext, TSource, TEntity, TKey, TFilter, TSort>(description, source, tieBreaker, defaultOrder);
    }

    private static FieldBuilder<TSource, object> Connection<TContext, TSource, TEntity, TKey, TFilter, TSort>(
        this FieldBuilder<TSource, object> field,
        string description,
        Func<TContext, IResolveFieldContext<TSource>, IQueryable<TEntity>> source,
        Expression<Func<TEntity, TKey>> tieBreaker,
        object defaultOrder)
        where TContext : DbContext
        where TFilter : FilterInputType<TEntity>
        where TSort : SortInputType<TEntity>
    {
        return field
            .Description(description)
            .PagingArguments()
            .Argument<TFilter>("where", "Only the items that match these conditions; all items without it.")
            .Argument<ListGraphType<NonNullGraphType<TSort>>>("order", $"Sort keys, most significant first (at most 10). Without it: `{DescribeOrder(defaultOrder)}`.")
            .ResolveAsync(async ctx =>
            {
                var filter = (TFilter)ctx.FieldDefinition.Arguments!.Find("where")!.ResolvedType!;
                var sort = (TSort)((NonNullGraphType)((ListGraphType)ctx.FieldDefinition.Arguments!.Find("order")!.ResolvedType!).ResolvedType!).ResolvedType!;
                var where = ctx.GetArgument<Dictionary<string, object?>?>("where");
                var order = ctx.GetArgument<List<object?>?>("order") is { Count: > 0 } given ? given : [defaultOrder];
                var predicate = where is null ? null : filter.ToPredicate(where);
                return await Pager.PageAsync<TContext, TEntity>(ctx, db =>
                {
                    var query = source(db, ctx);
                    return sort.Apply(predicate is null ? query : query.Where(predicate), order, tieBreaker);
                });
            });
    }

    /// <summary><c>{ startsAt: ASC }</c>, as a client would write the default order.</summary>
    private static string DescribeOrder(object order) => order is IDictionary<string, object?> keys
        ? "{ " + string.Join(", ", keys.Select(key => $"{key.Key}: {key.Value?.ToString()?.ToUpperInvariant()}")) + " }"
        : order.ToString() ?? "";
}
