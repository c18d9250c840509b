using System.Text;

namespace TicketMaster.Api.Tests.Catalog;

public abstract class NodesAndBadInputTests(CatalogFixture catalog)
{
    [SkippableFact]
    public async Task Every_node_type_is_refetched_by_its_global_id()
    {
        var data = await catalog.Client.DataAsync("""
            {
              events(first: 1) { nodes { id venue { id sections { id rows { seats { id } } } } performers { id } } }
            }
            """);
        var @event = data.GetProperty("events").GetProperty("nodes")[0];
        var venue = @event.GetProperty("venue");
        var section = venue.GetProperty("sections")[0];
        var ids = new Dictionary<string, string>
        {
            ["Event"] = @event.GetProperty("id").GetString()!,
            ["Venue"] = venue.GetProperty("id").GetString()!,
            ["Section"] = section.GetProperty("id").GetString()!,
            ["Seat"] = section.GetProperty("rows")[0].GetProperty("seats")[0].GetProperty("id").GetString()!,
            ["Performer"] = @event.GetProperty("performers")[0].GetProperty("id").GetString()!,
        };

        foreach (var (type, id) in ids)
        {
            Assert.StartsWith($"{type}:", Encoding.UTF8.GetString(Convert.FromBase64String(id)), StringComparison.Ordinal);
            var node = (await catalog.Client.DataAsync("query($id: ID!) { node(id: $id) { __typename id } }", new { id })).GetProperty("node");
            Assert.Equal((type, id), (node.GetProperty("__typename").GetString(), node.GetProperty("id").GetString()));
        }

        var nodes = (await catalog.Client.DataAsync("query($ids: [ID!]!) { nodes(ids: $ids) { __typename } }", new { ids = ids.Values })).GetProperty("nodes");
        Assert.Equal(ids.Keys, nodes.EnumerateArray().Select(n => n.GetProperty("__typename").GetString()));
    }

    [SkippableFact]
    public async Task By_id_lookups_return_null_for_a_missing_row_or_an_unpublished_draft()
    {
        var missing = Convert.ToBase64String(Encoding.UTF8.GetBytes("Event:99999"));
        var draft = await catalog.Client.DataAsync("{ events(where: { name: { eq: \"Secret Draft Show\" } }) { totalCount } }");

        var data = await catalog.Client.DataAsync($$"""{ eventById(id: "{{missing}}") { id } node(id: "{{missing}}") { id } }""");

        Assert.Equal(0, draft.GetProperty("events").GetProperty("totalCount").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("eventById").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("node").ValueKind);
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
}
