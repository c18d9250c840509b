using TicketMaster.Api.Tests.Support;
using static TicketMaster.Api.Tests.Catalog.CatalogNames;

namespace TicketMaster.Api.Tests.Catalog;

/// <summary>Every filterable field and operator, checked by the names it returns.</summary>
public abstract class FilteringTests(CatalogFixture catalog)
{
    private const string Comets = "Velvet Comets Live";
    private const string Luna = "Luna Vega: Neon Tour";
    private const string Bears = "Bears vs Lions";
    private const string Novak = "Novak Unplugged";
    private const string Gala = "Cancelled Gala";

    [SkippableTheory]
    [InlineData("""{ name: { eq: "Bears vs Lions" } }""", Bears)]
    [InlineData("""{ name: { neq: "Bears vs Lions" } }""", Comets, Luna, Novak, Gala)]
    [InlineData("""{ name: { contains: "Comets" } }""", Comets)]
    [InlineData("""{ name: { ncontains: "o" } }""", Gala)]
    [InlineData("""{ name: { startsWith: "Luna" } }""", Luna)]
    [InlineData("""{ name: { nstartsWith: "Luna" } }""", Comets, Bears, Novak, Gala)]
    [InlineData("""{ name: { endsWith: "Live" } }""", Comets)]
    [InlineData("""{ name: { nendsWith: "Live" } }""", Luna, Bears, Novak, Gala)]
    [InlineData("""{ name: { in: ["Bears vs Lions", "Novak Unplugged"] } }""", Bears, Novak)]
    [InlineData("""{ name: { nin: ["Bears vs Lions", "Novak Unplugged"] } }""", Comets, Luna, Gala)]
    [InlineData("""{ name: { or: [{ startsWith: "Bears" }, { endsWith: "Live" }] } }""", Comets, Bears)]
    [InlineData("""{ description: { contains: "derby" } }""", Bears)]
    [InlineData("""{ category: { eq: SPORTS } }""", Bears)]
    [InlineData("""{ category: { neq: CONCERT } }""", Bears, Novak, Gala)]
    [InlineData("""{ category: { in: [COMEDY, OTHER] } }""", Novak, Gala)]
    [InlineData("""{ category: { nin: [CONCERT] } }""", Bears, Novak, Gala)]
    [InlineData("""{ status: { eq: CANCELLED } }""", Gala)]
    [InlineData("""{ status: { in: [ON_SALE] } }""", Comets, Luna, Bears, Novak)]
    [InlineData("""{ status: { neq: ON_SALE } }""", Gala)]
    [InlineData("""{ status: { nin: [ON_SALE, SOLD_OUT] } }""", Gala)]
    [InlineData("""{ startsAt: { eq: "2027-03-10T19:00:00Z" } }""", Bears)]
    [InlineData("""{ startsAt: { neq: "2027-03-10T19:00:00Z" } }""", Comets, Luna, Novak, Gala)]
    [InlineData("""{ startsAt: { gt: "2027-03-10T19:00:00Z" } }""", Novak, Gala)]
    [InlineData("""{ startsAt: { gte: "2027-03-10T19:00:00Z" } }""", Bears, Novak, Gala)]
    [InlineData("""{ startsAt: { lt: "2027-03-10T19:00:00Z" } }""", Comets, Luna)]
    [InlineData("""{ startsAt: { lte: "2027-03-10T19:00:00Z" } }""", Comets, Luna, Bears)]
    [InlineData("""{ startsAt: { ngt: "2027-03-10T19:00:00Z" } }""", Comets, Luna, Bears)]
    [InlineData("""{ startsAt: { ngte: "2027-03-10T19:00:00Z" } }""", Comets, Luna)]
    [InlineData("""{ startsAt: { nlt: "2027-03-10T19:00:00Z" } }""", Bears, Novak, Gala)]
    [InlineData("""{ startsAt: { nlte: "2027-03-10T19:00:00Z" } }""", Novak, Gala)]
    [InlineData("""{ startsAt: { in: ["2027-01-10T19:00:00Z", "2027-04-10T21:00:00+02:00"] } }""", Comets, Novak)]
    [InlineData("""{ startsAt: { nin: ["2027-01-10T19:00:00Z"] } }""", Luna, Bears, Novak, Gala)]
    [InlineData("""{ venue: { city: { eq: "London" } } }""", Luna, Bears)]
    [InlineData("""{ venue: { country: { in: ["NL", "DE"] } } }""", Comets, Novak, Gala)]
    [InlineData("""{ venue: { name: { endsWith: "Club" } } }""", Novak)]
    [InlineData("""{ venue: { address: { startsWith: "2" } } }""", Luna, Bears)]
    [InlineData("""{ venue: { timeZone: { eq: "Europe/Amsterdam" } } }""", Novak)]
    [InlineData("""{ venue: { capacity: { gt: 12 } } }""", Luna, Bears)]
    [InlineData("""{ venue: { capacity: { lt: 12 } } }""", Novak)]
    [InlineData("""{ venue: { latitude: { gt: 52 } } }""", Comets, Novak, Gala)]
    [InlineData("""{ venue: { longitude: { lt: 0 } } }""", Luna, Bears)]
    [InlineData("""{ performers: { some: { name: { eq: "The Velvet Comets" } } } }""", Comets, Luna)]
    [InlineData("""{ performers: { none: { genre: { eq: "Pop" } } } }""", Comets, Bears, Novak, Gala)]
    [InlineData("""{ performers: { all: { genre: { eq: "Indie" } } } }""", Comets, Gala)]
    [InlineData("""{ performers: { any: false } }""", Gala)]
    [InlineData("""{ or: [{ category: { eq: SPORTS } }, { category: { eq: COMEDY } }] }""", Bears, Novak)]
    [InlineData("""{ and: [{ venue: { city: { eq: "London" } } }, { startsAt: { gt: "2027-02-15T00:00:00Z" } }] }""", Bears)]
    [InlineData("""{ category: { eq: CONCERT }, venue: { city: { eq: "Berlin" } } }""", Comets)]
    public async Task Events_filter_in_sql_on_every_field(string where, params string[] expected)
    {
        var data = await catalog.Client.DataAsync<EventsData>($"{{ events(first: 50, where: {where}) {{ totalCount nodes {{ name }} }} }}");

        Assert.Equal(expected.Order(), Names(data.Events.Nodes).Order());
        Assert.Equal(expected.Length, data.Events.TotalCount);
    }

    [SkippableTheory]
    [InlineData("""{ name: { eq: "Canal Club" } }""", "Canal Club")]
    [InlineData("""{ address: { contains: "Dock" } }""", "Harbour Arena")]
    [InlineData("""{ city: { in: ["Berlin", "Amsterdam"] } }""", "Canal Club", "Riverside Hall")]
    [InlineData("""{ country: { neq: "GB" } }""", "Canal Club", "Riverside Hall")]
    [InlineData("""{ timeZone: { startsWith: "Europe/L" } }""", "Harbour Arena")]
    [InlineData("""{ latitude: { gte: 52.4 } }""", "Riverside Hall")]
    [InlineData("""{ longitude: { gt: 0 } }""", "Canal Club", "Riverside Hall")]
    [InlineData("""{ capacity: { eq: 24 } }""", "Harbour Arena")]
    [InlineData("""{ capacity: { lte: 12 } }""", "Canal Club", "Riverside Hall")]
    public async Task Venues_filter_in_sql_on_every_field(string where, params string[] expected)
    {
        var data = await catalog.Client.DataAsync<VenuesData>($"{{ venues(where: {where}) {{ nodes {{ name }} }} }}");

        Assert.Equal(expected.Order(), Names(data.Venues.Nodes).Order());
    }

    [SkippableTheory]
    [InlineData("""{ name: { startsWith: "Luna" } }""", "Luna Vega")]
    [InlineData("""{ genre: { in: ["Indie", "Stand-up"] } }""", "Dmitri Novak", "The Velvet Comets")]
    [InlineData("""{ description: { contains: "basketball" } }""", "Berlin Bears")]
    public async Task Performers_filter_in_sql_on_every_field(string where, params string[] expected)
    {
        var data = await catalog.Client.DataAsync<PerformersData>($"{{ performers(where: {where}) {{ nodes {{ name }} }} }}");

        Assert.Equal(expected.Order(), Names(data.Performers.Nodes).Order());
    }

    [SkippableFact]
    public async Task A_venues_and_a_performers_events_are_connections_with_the_same_filters()
    {
        var data = await catalog.Client.DataAsync<EventsOfData>("""
            {
              venues(where: { name: { eq: "Harbour Arena" } }) { nodes { events(where: { category: { eq: SPORTS } }) { totalCount nodes { name } } } }
              performers(where: { name: { eq: "The Velvet Comets" } }) { nodes { events(order: [{ startsAt: DESC }]) { nodes { name } } } }
            }
            """);

        var harbour = data.Venues.Nodes[0].Events;
        Assert.Equal([Bears], Names(harbour.Nodes));
        Assert.Equal(1, harbour.TotalCount);
        Assert.Equal([Luna, Comets], Names(data.Performers.Nodes[0].Events.Nodes));
    }

    private sealed record EventsData(Counted<Named> Events);

    private sealed record VenuesData(Connection<Named> Venues);

    private sealed record PerformersData(Connection<Named> Performers);

    private sealed record EventsOfData(Connection<WithEvents<Counted<Named>>> Venues, Connection<WithEvents<Connection<Named>>> Performers);

    private sealed record WithEvents<T>(T Events);
}
