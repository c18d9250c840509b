using TicketMaster.Api.Tests.Support;
using static TicketMaster.Api.Tests.Catalog.CatalogNames;

namespace TicketMaster.Api.Tests.Catalog;

public abstract class SortingAndPagingTests(CatalogFixture catalog)
{
    [SkippableTheory]
    [InlineData("events", "[{ name: ASC }]", "Bears vs Lions", "Cancelled Gala", "Luna Vega: Neon Tour", "Novak Unplugged", "Velvet Comets Live")]
    [InlineData("events", "[{ name: DESC }]", "Velvet Comets Live", "Novak Unplugged", "Luna Vega: Neon Tour", "Cancelled Gala", "Bears vs Lions")]
    [InlineData("events", "[{ startsAt: DESC }]", "Cancelled Gala", "Novak Unplugged", "Bears vs Lions", "Luna Vega: Neon Tour", "Velvet Comets Live")]
    [InlineData("events", "[{ status: DESC }, { name: ASC }]", "Bears vs Lions", "Luna Vega: Neon Tour", "Novak Unplugged", "Velvet Comets Live", "Cancelled Gala")]
    [InlineData("events", "[{ category: ASC }, { startsAt: DESC }]", "Novak Unplugged", "Luna Vega: Neon Tour", "Velvet Comets Live", "Cancelled Gala", "Bears vs Lions")]
    [InlineData("events", "[{ venue: { name: ASC } }, { name: DESC }]", "Novak Unplugged", "Luna Vega: Neon Tour", "Bears vs Lions", "Velvet Comets Live", "Cancelled Gala")]
    [InlineData("venues", "[{ capacity: DESC }]", "Harbour Arena", "Riverside Hall", "Canal Club")]
    [InlineData("venues", "[{ city: ASC }]", "Canal Club", "Riverside Hall", "Harbour Arena")]
    [InlineData("venues", "[{ country: DESC }]", "Canal Club", "Harbour Arena", "Riverside Hall")]
    [InlineData("venues", "[{ name: DESC }]", "Riverside Hall", "Harbour Arena", "Canal Club")]
    [InlineData("performers", "[{ genre: ASC }]", "Berlin Bears", "The Velvet Comets", "Luna Vega", "Dmitri Novak")]
    [InlineData("performers", "[{ name: ASC }]", "Berlin Bears", "Dmitri Novak", "Luna Vega", "The Velvet Comets")]
    public async Task Lists_sort_in_sql_in_the_order_given(string field, string order, params string[] expected)
    {
        var data = await catalog.Client.DataAsync<Dictionary<string, Connection<Named>>>($"{{ {field}(order: {order}) {{ nodes {{ name }} }} }}");

        Assert.Equal(expected, Names(data[field].Nodes));
    }

    [SkippableFact]
    public async Task Paging_forwards_visits_every_event_once_in_order()
    {
        var seen = new List<string>();
        string? after = null;
        bool hasNext;
        do
        {
            var page = await PageAsync($"first: 2{(after is null ? "" : $", after: \"{after}\"")}");
            seen.AddRange(Names(page.Nodes));
            hasNext = page.PageInfo.HasNextPage;
            Assert.Equal(after is not null, page.PageInfo.HasPreviousPage);
            Assert.Equal(5, page.TotalCount);
            after = page.PageInfo.EndCursor;
        }
        while (hasNext);

        Assert.Equal(["Velvet Comets Live", "Luna Vega: Neon Tour", "Bears vs Lions", "Novak Unplugged", "Cancelled Gala"], seen);
    }

    [SkippableFact]
    public async Task Paging_backwards_from_the_end_returns_the_same_cursors_as_paging_forwards()
    {
        var forward = Edges(await PageAsync("first: 5"));
        var last = await PageAsync("last: 2");
        var previous = await PageAsync($"last: 2, before: \"{last.PageInfo.StartCursor}\"");

        Assert.Equal(forward[3..], Edges(last));
        Assert.Equal(forward[1..3], Edges(previous));
        Assert.False(last.PageInfo.HasNextPage);
        Assert.True(previous.PageInfo.HasPreviousPage);
        Assert.True(previous.PageInfo.HasNextPage);
    }

    [SkippableFact]
    public async Task A_page_defaults_to_ten_items_and_an_empty_page_says_there_is_nothing_after()
    {
        var all = await PageAsync("");
        var empty = await PageAsync("first: 0");

        Assert.Equal(5, all.Nodes.Count);
        Assert.Empty(empty.Nodes);
        Assert.Null(empty.PageInfo.EndCursor);
    }

    private async Task<Page> PageAsync(string arguments)
    {
        var args = arguments.Length == 0 ? "" : $"({arguments})";
        var data = await catalog.Client.DataAsync<PageData>(
            $"{{ events{args} {{ totalCount pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} edges {{ cursor node {{ name }} }} nodes {{ name }} }} }}");
        return data.Events;
    }

    private static (string Cursor, string Name)[] Edges(Page page) => page.Edges.Select(e => (e.Cursor, e.Node.Name)).ToArray();

    private sealed record PageData(Page Events);

    private sealed record Page(int TotalCount, PageInfo PageInfo, IReadOnlyList<Edge> Edges, IReadOnlyList<Named> Nodes);

    private sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

    private sealed record Edge(string Cursor, Named Node);
}
