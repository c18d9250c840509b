using TicketMaster.Api.Tests.Catalog;
using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.Events;

/// <summary>
/// A date in a start filter is that day at the venue; a date-time is an instant (ADR 0014).
/// The cases are the ones where the two readings disagree: a show early on 1 March in Sydney is
/// still 28 February in UTC, a late show on 28 February in Los Angeles is already 1 March in UTC.
/// </summary>
public abstract class DateFilterTests(DateFilterCatalog catalog)
{
    private const string Sydney = "Sydney Dawn";
    private const string LosAngeles = "LA Late Show";
    private const string Matinee = "Berlin Matinee";
    private const string Spring = "Berlin Spring";

    private const string Search = """
        query($where: SearchEventsFilterInput) { searchEvents(where: $where, order: DATE, first: 50) { nodes { event { name } } } }
        """;

    [SkippableTheory]
    [InlineData("""{ eq: "2027-03-01" }""", Sydney, Matinee)]
    [InlineData("""{ neq: "2027-03-01" }""", LosAngeles, Spring)]
    [InlineData("""{ gte: "2027-03-01" }""", Sydney, Matinee, Spring)]
    [InlineData("""{ gt: "2027-03-01" }""", Spring)]
    [InlineData("""{ lt: "2027-03-01" }""", LosAngeles)]
    [InlineData("""{ lte: "2027-03-01" }""", Sydney, LosAngeles, Matinee)]
    [InlineData("""{ ngt: "2027-02-28" }""", LosAngeles)]
    [InlineData("""{ in: ["2027-02-28", "2027-03-02"] }""", LosAngeles, Spring)]
    [InlineData("""{ nin: ["2027-03-01"] }""", LosAngeles, Spring)]
    [InlineData("""{ gte: "2027-03-01", lt: "2027-03-02" }""", Sydney, Matinee)]
    public async Task A_date_is_the_day_at_the_venue(string startsAt, params string[] expected)
    {
        Assert.Equal(expected.Order(), await EventsAsync(startsAt));
    }

    [SkippableTheory]
    [InlineData("""{ gte: "2027-03-01T00:00:00Z" }""", LosAngeles, Matinee, Spring)]
    [InlineData("""{ lt: "2027-03-01T00:00:00Z" }""", Sydney)]
    [InlineData("""{ eq: "2027-03-01T07:00:00+01:00" }""", LosAngeles)]
    [InlineData("""{ in: ["2027-02-28T14:00:00Z", "2027-03-02"] }""", Sydney, Spring)]
    public async Task A_date_time_is_the_instant_wherever_the_venue_is(string startsAt, params string[] expected)
    {
        Assert.Equal(expected.Order(), await EventsAsync(startsAt));
    }

    [SkippableFact]
    public async Task Search_reads_dates_as_days_at_the_venue_and_date_times_as_instants()
    {
        var firstOfMarch = await SearchAsync(new { startsAt = new { gte = "2027-03-01", lte = "2027-03-01" } });
        var untilFebruaryEnds = await SearchAsync(new { startsAt = new { lte = "2027-02-28" } });
        var fromMarchUtc = await SearchAsync(new { startsAt = new { gte = "2027-03-01T00:00:00Z", lte = "2027-03-01T23:59:59Z" } });

        Assert.Equal([Sydney, Matinee], firstOfMarch);
        Assert.Equal([LosAngeles], untilFebruaryEnds);
        Assert.Equal([LosAngeles, Matinee], fromMarchUtc);
    }

    [SkippableFact]
    public async Task A_value_that_is_neither_a_date_nor_a_date_time_is_refused()
    {
        var filter = await catalog.Client.PostAsync("""{ events(where: { startsAt: { eq: "2027-02-30" } }) { nodes { name } } }""");
        var range = await catalog.Client.ErrorCodesAsync(Search, new { where = new { startsAt = new { gte = "2027-03-02", lte = "2027-03-01" } } });

        Assert.Contains("DateOrDateTime", filter.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.False(filter.TryGetProperty("data", out var data) && data.ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.Equal(["INVALID_DATE_RANGE"], range);
    }

    private async Task<List<string>> EventsAsync(string startsAt)
    {
        var data = await catalog.Client.DataAsync<EventsData>($"{{ events(first: 50, where: {{ startsAt: {startsAt} }}) {{ nodes {{ name }} }} }}");
        return data.Events.Nodes.Select(e => e.Name).Order().ToList();
    }

    private async Task<List<string>> SearchAsync(object where) =>
        (await catalog.Client.DataAsync<SearchData>(Search, new { where })).SearchEvents.Nodes.Select(n => n.Event.Name).ToList();

    private sealed record EventsData(Connection<Named> Events);

    private sealed record SearchData(Connection<Hit> SearchEvents);

    private sealed record Hit(Named Event);
}

[CollectionDefinition(Name)]
public sealed class SqliteDateFilterCollection : ICollectionFixture<SqliteDateFilterCatalog>
{
    public const string Name = "Date filters on SQLite";
}

[CollectionDefinition(Name)]
public sealed class MariaDbDateFilterCollection : ICollectionFixture<MariaDbDateFilterCatalog>
{
    public const string Name = "Date filters on MariaDB";
}

[Collection(SqliteDateFilterCollection.Name)]
public sealed class DateFilterOnSqlite(SqliteDateFilterCatalog catalog) : DateFilterTests(catalog);

[Collection(MariaDbDateFilterCollection.Name)]
public sealed class DateFilterOnMariaDb(MariaDbDateFilterCatalog catalog) : DateFilterTests(catalog);
