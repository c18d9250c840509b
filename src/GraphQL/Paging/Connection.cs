namespace TicketMaster.GraphQL.Paging;

/// <summary>One page of a cursor connection, plus what pageInfo and totalCount need.</summary>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo, Func<CancellationToken, Task<int>> CountAsync)
{
    public IEnumerable<T> Nodes => Edges.Select(edge => edge.Node);
}

public sealed record Edge<T>(string Cursor, T Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
