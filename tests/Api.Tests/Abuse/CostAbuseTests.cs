using System.Diagnostics;
using System.Text;
using System.Text.Json;
using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.Abuse;

/// <summary>Row 2 of issue #20 and the budgets behind it: cost by real size, time, response size.</summary>
[Collection(TimedAbuseCollection.Name)]
public sealed class CostAbuseTests(DemoApi demo) : IClassFixture<DemoApi>
{
    private const int Budget = 25_000;

    [Fact]
    public async Task Row2_a_thousand_aliased_seat_lists_are_refused_before_execution_at_no_measurable_cost()
    {
        var (eventId, section, _) = await LargestSectionAsync();
        var document = Aliases(1000, eventId, section);
        Assert.True(Encoding.UTF8.GetByteCount(document) > 50_000);

        var clock = Stopwatch.StartNew();
        var result = await demo.Client.PostAsync(document);
        clock.Stop();

        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", result.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(result.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Refusing took {clock.Elapsed}.");

        // The report's literal query, without a section, is refused before execution too.
        var literal = await demo.Client.PostAsync($"{{ a0: eventById(id: \"{eventId}\") {{ seats {{ id }} }} }}");
        Assert.False(literal.TryGetProperty("data", out var none) && none.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task A_sections_seats_cost_what_the_section_really_holds()
    {
        var (eventId, section, seats) = await LargestSectionAsync();
        var over = (Budget / seats) + 1;
        var under = Math.Max(1, Budget / (seats + 2) / 2);

        var refused = await demo.Client.PostAsync(Aliases(over, eventId, section));
        var answered = await demo.Client.PostAsync(Aliases(under, eventId, section));

        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(answered.TryGetProperty("errors", out var errors), $"{under} aliases of a {seats}-seat section: {errors}");
        Assert.Equal(seats, answered.GetProperty("data").GetProperty("a0").GetProperty("seats").GetArrayLength());
    }

    [Fact]
    public async Task A_request_over_its_time_budget_is_cancelled_with_a_typed_error()
    {
        await using var api = await EmptyApi.StartAsync(new Dictionary<string, string?> { ["GraphQL:ExecutionTimeout"] = "00:00:00.0000001" });

        var result = await new GraphQLClient(api.Host.CreateHttpClient()).PostAsync("{ events(first: 5) { nodes { id } } }");

        Assert.Equal("EXECUTION_TIME_EXCEEDED", result.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_response_over_its_size_budget_is_replaced_by_a_typed_error()
    {
        await using var api = await EmptyApi.StartAsync(new Dictionary<string, string?> { ["GraphQL:MaxResponseBytes"] = "2000" });
        var client = new GraphQLClient(api.Host.CreateHttpClient());

        var large = await client.PostAsync("{ __schema { types { name description } } }");
        var small = await client.PostAsync("{ __typename }");

        Assert.Equal("RESPONSE_TOO_LARGE", large.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("Query", small.GetProperty("data").GetProperty("__typename").GetString());
    }

    private static string Aliases(int count, string eventId, string sectionId)
    {
        var document = new StringBuilder("{");
        for (var i = 0; i < count; i++)
        {
            document.Append($" a{i}: eventById(id: \"{eventId}\") {{ seats(sectionId: \"{sectionId}\") {{ id }} }}");
        }

        return document.Append(" }").ToString();
    }

    /// <summary>The stadium's on-sale event and its largest section, with that section's seat count.</summary>
    private async Task<(string EventId, string SectionId, int Seats)> LargestSectionAsync()
    {
        var data = await demo.Client.DataAsync("""
            { venues(first: 1, where: { name: { eq: "London Olympic Stadium" } }) { nodes { events(first: 1, where: { status: { eq: ON_SALE } }) { nodes { id sections { id available } } } } } }
            """);
        var show = data.GetProperty("venues").GetProperty("nodes")[0].GetProperty("events").GetProperty("nodes")[0];
        var eventId = show.GetProperty("id").GetString()!;
        var sectionId = show.GetProperty("sections").EnumerateArray().MaxBy(s => s.GetProperty("available").GetInt32()).GetProperty("id").GetString()!;
        var seats = (await demo.Client.DataAsync(Aliases(1, eventId, sectionId))).GetProperty("a0").GetProperty("seats").GetArrayLength();
        return (eventId, sectionId, seats);
    }
}
