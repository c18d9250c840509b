using TicketMaster.Events;
using TicketMaster.Indexer.Search;

namespace TicketMaster.Indexer.Tests.Contract;

/// <summary>A handful of events a reader can check results against by eye.</summary>
public static class Documents
{
    public static readonly DateTime Now = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

    public static EventDocument Event(
        int id,
        string name,
        string[]? performers = null,
        string venue = "Riverside Hall",
        string city = "Berlin",
        string country = "DE",
        double latitude = 52.52,
        double longitude = 13.40,
        EventCategory category = EventCategory.Concert,
        string startsAt = "2027-01-10T19:00:00Z",
        EventStatus status = EventStatus.OnSale,
        decimal minPrice = 50,
        decimal maxPrice = 80,
        string description = "A night to remember.",
        long version = 1,
        string timeZone = "Europe/Berlin")
    {
        var start = DateTime.Parse(startsAt, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var local = DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(start, TimeZoneInfo.FindSystemTimeZoneById(timeZone)), DateTimeKind.Unspecified);
        return new(id, version, name, description, performers ?? [], venue, city, country, latitude, longitude, category,
            start, status, minPrice, maxPrice, "EUR", 100, 60, local);
    }

    /// <summary>Berlin, London, Amsterdam; concerts, sports, comedy; Jan to Apr 2027, plus one in the past.</summary>
    public static IReadOnlyList<EventDocument> Catalogue { get; } =
    [
        Event(1, "The Eras Tour", ["Taylor Swift"], venue: "Olympiastadion", startsAt: "2027-03-01T18:00:00Z", minPrice: 90, maxPrice: 300,
            description: "Stadium pop spectacle."),
        Event(2, "Velvet Comets Live", ["The Velvet Comets"], startsAt: "2027-01-10T19:00:00Z", description: "An indie night by the river."),
        Event(3, "Bears vs Lions", ["Berlin Bears"], venue: "Harbour Arena", city: "London", country: "GB", latitude: 51.50, longitude: -0.12,
            category: EventCategory.Sports, startsAt: "2027-02-10T19:00:00Z", minPrice: 30, maxPrice: 45, description: "Basketball derby."),
        Event(4, "Novak Unplugged", ["Dmitri Novak"], venue: "Canal Club", city: "Amsterdam", country: "NL", latitude: 52.37, longitude: 4.89,
            category: EventCategory.Comedy, startsAt: "2027-04-10T19:00:00Z", status: EventStatus.SoldOut, description: "Stand-up, strictly 16+."),
        Event(5, "Potsdam Jazz Night", ["Luna Vega"], venue: "Nikolaisaal", city: "Potsdam", latitude: 52.40, longitude: 13.06,
            startsAt: "2027-01-20T19:00:00Z", description: "Swing and bebop in the old town."),
        Event(6, "Last Year's Gala", [], startsAt: "2025-06-10T19:00:00Z", description: "Already over."),
    ];
}
