using System.Text.Json;
using static TicketMaster.Api.Tests.Catalog.FilteringTests;

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
        var data = await catalog.Client.DataAsync($"{{ {field}(order: {order}) {{ nodes {{ name }} }} }}");

        Assert.Equal(expected, Names(data.GetProperty(field)));
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
            seen.AddRange(Names(page));
            var info = page.GetProperty("pageInfo");
            hasNext = info.GetProperty("hasNextPage").GetBoolean();
            Assert.Equal(after is not null, info.GetProperty("hasPreviousPage").GetBoolean());
            Assert.Equal(5, page.GetProperty("totalCount").GetInt32());
            after = info.GetProperty("endCursor").GetString();
        }
        while (hasNext);

        Assert.Equal(["Velvet Comets Live", "Luna Vega: Neon Tour", "Bears vs Lions", "Novak Unplugged", "Cancelled Gala"], seen);
    }

    [SkippableFact]
    public async Task Paging_backwards_from_the_end_returns_the_same_cursors_as_paging_forwards()
    {
        var forward = Edges(await PageAsync("first: 5"));
        var last = await PageAsync("last: 2");
        var previous = await PageAsync($"last: 2, before: \"{last.GetProperty("pageInfo").GetProperty("startCursor").GetString()}\"");

        Assert.Equal(forward[3..], Edges(last));
        Assert.Equal(forward[1..3], Edges(previous));
        Assert.False(last.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.True(previous.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.True(previous.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [SkippableFact]
    public async Task A_page_defaults_to_ten_items_and_an_empty_page_says_there_is_nothing_after()
    {
        var all = await PageAsync("");
        var empty = await PageAsync("first: 0");

        Assert.Equal(5, Names(all).Count);
        Assert.Empty(Names(empty));
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("pageInfo").GetProperty("endCursor").ValueKind);
    }

    private async Task<JsonElement> PageAsync(string arguments)
    {
        var args = arguments.Length == 0 ? "" : $"({arguments})";
        var data = await catalog.Client.DataAsync(
            $"{{ events{args} {{ totalCount pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} edges {{ cursor node {{ name }} }} nodes {{ name }} }} }}");
        return data.GetProperty("events");
    }

    private static (string Cursor, string Name)[] Edges(JsonElement page) =>
        page.GetProperty("edges").EnumerateArray()
            .Select(e => (e.GetProperty("cursor").GetString()!, e.GetProperty("node").GetProperty("name").GetString()!)).ToArray();
}
