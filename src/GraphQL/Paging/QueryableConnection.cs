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
        return type.Field<NonNullGraphType<ConnectionType<TNodeType, TEntity>>>(name)
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
                    var query = source(db, ctx.Source!);
                    return sort.Apply(predicate is null ? query : query.Where(predicate), order, tieBreaker);
                });
            });
    }

    /// <summary><c>{ startsAt: ASC }</c>, as a client would write the default order.</summary>
    private static string DescribeOrder(object order) => order is IDictionary<string, object?> keys
        ? "{ " + string.Join(", ", keys.Select(key => $"{key.Key}: {key.Value?.ToString()?.ToUpperInvariant()}")) + " }"
        : order.ToString() ?? "";
}
