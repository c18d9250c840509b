using System.Text;
using System.Text.Json.Serialization;
using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.Catalog;

public abstract class NodesAndBadInputTests(CatalogFixture catalog)
{
    [SkippableFact]
    public async Task Every_node_type_is_refetched_by_its_global_id()
    {
        var data = await catalog.Client.DataAsync<EventsData>("""
            {
              events(first: 1) { nodes { id venue { id sections { id } } performers { id } } }
            }
            """);
        var @event = data.Events.Nodes[0];
        var section = (await catalog.Client.DataAsync<SectionNodeData>(
            "query($id: ID!) { node(id: $id) { ... on Section { id rows { seats { id } } } } }", new { id = @event.Venue.Sections[0].Id })).Node;
        var ids = new Dictionary<string, string>
        {
            ["Event"] = @event.Id,
            ["Venue"] = @event.Venue.Id,
            ["Section"] = section.Id,
            ["Seat"] = section.Rows[0].Seats[0].Id,
            ["Performer"] = @event.Performers[0].Id,
        };

        foreach (var (type, id) in ids)
        {
            Assert.StartsWith($"{type}:", Encoding.UTF8.GetString(Convert.FromBase64String(id)), StringComparison.Ordinal);
            var node = (await catalog.Client.DataAsync<NodeData>("query($id: ID!) { node(id: $id) { __typename id } }", new { id })).Node;
            Assert.Equal((type, id), (node?.Typename, node?.Id));
        }

        var nodes = (await catalog.Client.DataAsync<NodesData>("query($ids: [ID!]!) { nodes(ids: $ids) { __typename } }", new { ids = ids.Values })).Nodes;
        Assert.Equal(ids.Keys, nodes.Select(n => n?.Typename));
    }

    [SkippableFact]
    public async Task By_id_lookups_return_null_for_a_missing_row_or_an_unpublished_draft()
    {
        var missing = Convert.ToBase64String(Encoding.UTF8.GetBytes("Event:99999"));
        var draft = await catalog.Client.DataAsync<CountData>("{ events(where: { name: { eq: \"Secret Draft Show\" } }) { totalCount } }");

        var data = await catalog.Client.DataAsync<ByIdData>($$"""{ eventById(id: "{{missing}}") { id } node(id: "{{missing}}") { id } }""");

        Assert.Equal(0, draft.Events.TotalCount);
        Assert.Null(data.EventById);
        Assert.Null(data.Node);
    }

    [SkippableTheory]
    [InlineData("""{ eventById(id: "not base64!") { id } }""", "INVALID_ID")]
    [InlineData("""{ eventById(id: "VmVudWU6MQ==") { id } }""", "INVALID_ID")]
    [InlineData("""{ venueById(id: "RXZlbnQ6MQ==") { id } }""", "INVALID_ID")]
    [InlineData("""{ node(id: "VGlja2V0OjE=") { id } }""", "INVALID_ID")]
    [InlineData("""{ events(first: -1) { totalCount } }""", "INVALID_PAGING_ARGUMENTS")]
    [InlineData("""{ events(first: 51) { totalCount } }""", "INVALID_PAGING_ARGUMENTS")]
    [InlineData("""{ events(first: 1, last: 1) { totalCount } }""", "INVALID_PAGING_ARGUMENTS")]
    [InlineData("""{ events(after: "bm90IGEgbnVtYmVy") { totalCount } }""", "INVALID_PAGING_ARGUMENTS")]
    [InlineData("""{ events(where: { startsAt: { gt: null } }) { totalCount } }""", "INVALID_FILTER")]
    [InlineData("""{ events(where: { and: [{ and: [{ and: [{ and: [{ and: [{ and: [{ and: [{ and: [{ and: [{ name: { eq: "x" } }] }] }] }] }] }] }] }] }] }) { totalCount } }""", "INVALID_FILTER")]
    [InlineData("""{ eventById(id: "RXZlbnQ6MQ==") { seats(sectionId: "RXZlbnQ6MQ==") { id } } }""", "INVALID_ID")]
    [InlineData("""{ events(first: 50) { nodes { performers { events(first: 50) { nodes { performers { events(first: 50) { nodes { name } } } } } } } } }""", "MAX_COMPLEXITY_EXCEEDED")]
    [InlineData("""{ venues(first: 1) { nodes { events(first: 1) { nodes { venue { events(first: 1) { nodes { venue { events(first: 1) { nodes { venue { events(first: 1) { nodes { venue { events(first: 1) { nodes { venue { name } } } } } } } } } } } } } } } } } }""", "MAX_DEPTH_EXCEEDED")]
    public async Task Bad_arguments_get_a_typed_error_and_no_data(string query, string code)
    {
        var codes = await catalog.Client.ErrorCodesAsync(query);

        Assert.Contains(code, codes);
    }

    [SkippableTheory]
    [InlineData("""{ events(where: { category: { eq: OPERA } }) { totalCount } }""")]
    [InlineData("""{ events(where: { name: { like: "x" } }) { totalCount } }""")]
    [InlineData("""{ events(order: [{ startsAt: UP }]) { totalCount } }""")]
    [InlineData("""{ events(first: "ten") { totalCount } }""")]
    public async Task Arguments_outside_the_schema_fail_validation_with_a_code(string query)
    {
        var codes = await catalog.Client.ErrorCodesAsync(query);

        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.False(string.IsNullOrEmpty(code)));
    }

    [SkippableFact]
    public async Task An_in_list_longer_than_a_hundred_values_is_refused()
    {
        var names = string.Join(", ", Enumerable.Range(0, 101).Select(i => $"\"n{i}\""));

        var codes = await catalog.Client.ErrorCodesAsync($"{{ events(where: {{ name: {{ in: [{names}] }} }}) {{ totalCount }} }}");

        Assert.Contains("INVALID_FILTER", codes);
    }

    [SkippableFact]
    public async Task An_and_or_list_of_more_than_a_hundred_filters_is_refused_and_a_hundred_is_not()
    {
        static string Alternatives(int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => $"{{ name: {{ eq: \"n{i}\" }} }}"));
        static string Operators(int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => $"{{ eq: \"n{i}\" }}"));

        var tooManyFilters = await catalog.Client.ErrorCodesAsync($"{{ events(where: {{ or: [{Alternatives(101)}] }}) {{ totalCount }} }}");
        var tooManyOperators = await catalog.Client.ErrorCodesAsync($"{{ events(where: {{ name: {{ and: [{Operators(101)}] }} }}) {{ totalCount }} }}");
        var hundred = await catalog.Client.DataAsync($"{{ events(where: {{ or: [{Alternatives(100)}] }}) {{ totalCount }} }}");

        Assert.Equal(["INVALID_FILTER"], tooManyFilters);
        Assert.Equal(["INVALID_FILTER"], tooManyOperators);
        Assert.Equal(0, hundred.GetProperty("events").GetProperty("totalCount").GetInt32());
    }

    private sealed record EventsData(Connection<EventIds> Events);

    private sealed record EventIds(string Id, VenueIds Venue, IReadOnlyList<Node> Performers);

    private sealed record VenueIds(string Id, IReadOnlyList<Node> Sections);

    private sealed record SectionNodeData(SectionIds Node);

    private sealed record SectionIds(string Id, IReadOnlyList<RowIds> Rows);

    private sealed record RowIds(IReadOnlyList<Node> Seats);

    private sealed record NodeData(TypedNode? Node);

    private sealed record TypedNode([property: JsonPropertyName("__typename")] string Typename, string Id);

    private sealed record NodesData(IReadOnlyList<TypenameOnly?> Nodes);

    private sealed record TypenameOnly([property: JsonPropertyName("__typename")] string Typename);

    private sealed record CountData(TotalCountOnly Events);

    private sealed record TotalCountOnly(int TotalCount);

    private sealed record ByIdData(Node? EventById, Node? Node);
}
