using GraphQL.Types;

namespace TicketMaster.GraphQL.Paging;

/// <summary><c>XConnection { pageInfo edges nodes totalCount }</c>, named the way Hot Chocolate names it.</summary>
public sealed class ConnectionType<TNodeType, TNode> : ObjectGraphType<Connection<TNode>>
    where TNodeType : IGraphType
{
    public ConnectionType()
    {
        var nodeName = typeof(TNodeType).Name.Replace("Type", "", StringComparison.Ordinal);
        Name = $"{nodeName}sConnection";
        Description = "A connection to a list of items.";
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Information to aid in pagination.").Resolve(ctx => ctx.Source.PageInfo);
        Field<ListGraphType<NonNullGraphType<EdgeType<TNodeType, TNode>>>>("edges").Description("A list of edges.").Resolve(ctx => ctx.Source.Edges);
        Field<ListGraphType<NonNullGraphType<TNodeType>>>("nodes").Description("A flattened list of the nodes.").Resolve(ctx => ctx.Source.Nodes);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("Identifies the total count of items in the connection.")
            .ResolveAsync(async ctx => await ctx.Source.CountAsync(ctx.CancellationToken));
    }
}

public sealed class EdgeType<TNodeType, TNode> : ObjectGraphType<Edge<TNode>>
    where TNodeType : IGraphType
{
    public EdgeType()
    {
        Name = $"{typeof(TNodeType).Name.Replace("Type", "", StringComparison.Ordinal)}sEdge";
        Description = "An edge in a connection.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("A cursor for use in pagination.").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Description("The item at the end of the edge.").Resolve(ctx => ctx.Source.Node);
    }
}

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Information about pagination in a connection.";
        Field(p => p.HasNextPage).Description("Indicates whether more edges exist following the set defined by the clients arguments.");
        Field(p => p.HasPreviousPage).Description("Indicates whether more edges exist prior the set defined by the clients arguments.");
        Field(p => p.StartCursor, nullable: true).Description("When paginating backwards, the cursor to continue.");
        Field(p => p.EndCursor, nullable: true).Description("When paginating forwards, the cursor to continue.");
    }
}
