using TicketMaster.Events;
using TicketMaster.Users;
using TicketMaster.Venues;

namespace TicketMaster.Testing;

/// <summary>Small, readable domain objects for tests.</summary>
public static class TestData
{
    public static readonly DateTime Now = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

    public static User User(string username = "alice", Role roles = Role.Attendee) =>
        Users.User.Register(username, $"{username}@example.com", "not-a-real-hash", Now, roles);

    /// <summary>A venue with "Stalls" and "Circle", each <paramref name="rows"/> rows of <paramref name="seatsPerRow"/> seats.</summary>
    public static Venue Venue(
        string name = "Test Hall", int rows = 2, int seatsPerRow = 3, int? managerId = null, string city = "Berlin", string country = "DE",
        double latitude = 52.52, double longitude = 13.40, string timeZone = "Europe/Berlin", string address = "1 Test Street")
    {
        var venue = Venues.Venue.Create(name, address, city, country, latitude, longitude, timeZone, managerId);
        foreach (var sectionName in new[] { "Stalls", "Circle" })
        {
            var section = venue.AddSection(sectionName);
            for (var r = 1; r <= rows; r++)
            {
                var row = section.AddRow(((char)('A' + r - 1)).ToString());
                for (var s = 1; s <= seatsPerRow; s++)
                {
                    row.AddSeat(s, s, r, isAccessible: s == 1);
                }
            }
        }

        return venue;
    }

    /// <summary>Gives an unsaved venue's seat map keys, for tests that never touch a database.</summary>
    public static Venue WithKeys(this Venue venue, int venueId = 1)
    {
        venue.AssignKeys(venueId, 1, 1, 1);
        return venue;
    }

    /// <summary>A draft event at <paramref name="venue"/> (keys assigned), Stalls at 80 and Circle at 50 EUR.</summary>
    public static Event Event(Venue venue, int organizerId = 1, IReadOnlyList<int>? performerIds = null, string name = "Test Concert") =>
        Events.Event.Schedule(
            name,
            "A night to remember.",
            EventCategory.Concert,
            Now.AddDays(30),
            venue,
            organizerId,
            "EUR",
            venue.Sections.ToDictionary(s => s.Id, s => s.Name == "Stalls" ? 80m : 50m),
            performerIds ?? [],
            Now);
}
