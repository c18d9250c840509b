using Microsoft.AspNetCore.Identity;
using TicketMaster.Users;
using TicketMaster.Venues;

namespace TicketMaster.DemoData;

/// <summary>
/// Deterministic demo data: the same size, seed and anchor day give the same data. Password
/// hashes are the exception: ASP.NET Core Identity salts them at random.
/// </summary>
public static class DemoDataGenerator
{
    /// <summary>Every demo account signs in with this password (documented in the README).</summary>
    public const string DemoPassword = "ticketmaster";

    private sealed record Plan(int Cities, (VenueKind Kind, int Cities)[] Venues, int Performers, int Events);

    private static readonly Plan SmallPlan = new(
        8,
        [(VenueKind.Stadium, 1), (VenueKind.Theatre, 2), (VenueKind.Arena, 3), (VenueKind.ConcertHall, 6), (VenueKind.Club, 8)],
        240,
        80);

    private static readonly Plan LargePlan = new(
        20,
        [(VenueKind.Stadium, 4), (VenueKind.Arena, 8), (VenueKind.Theatre, 12), (VenueKind.ConcertHall, 20), (VenueKind.Club, 16)],
        600,
        1_000);

    public static DemoDataSet Generate(DemoDataSize size, int seed, DateTime anchorDay)
    {
        var plan = size == DemoDataSize.Large ? LargePlan : SmallPlan;
        var random = new Random(seed);
        var now = DateTime.SpecifyKind(anchorDay.Date, DateTimeKind.Utc);

        var users = CreateUsers(random, now);
        var managers = users.Where(u => u.IsIn(Role.VenueManager)).ToList();
        var venues = CreateVenues(random, plan, managers);
        var performers = DemoPerformers.Create(random, plan.Performers);
        var organizers = users.Where(u => u.IsIn(Role.Organizer)).ToList();
        var events = DemoEvents.Create(random, plan.Events, venues, performers, organizers, now);

        return new DemoDataSet
        {
            Users = users,
            Venues = venues.Select(v => v.Venue).ToList(),
            Performers = performers.Select(p => p.Performer).ToList(),
            Events = events,
        };
    }

    private static List<User> CreateUsers(Random random, DateTime now)
    {
        var accounts = new List<(string Username, Role Roles)>
        {
            ("admin", Role.Admin | Role.Attendee),
            ("northstar-live", Role.Organizer),
            ("harbor-sports", Role.Organizer),
            ("curtain-call", Role.Organizer),
            ("giggle-factory", Role.Organizer),
            ("venues-emea", Role.VenueManager),
            ("venues-americas", Role.VenueManager),
            ("venues-apac", Role.VenueManager),
        };
        accounts.AddRange(DemoWords.FirstNames.Take(24).Select(name => (name.ToLowerInvariant(), Role.Attendee)));

        // One hash for all: every demo account has the same, published password, and hashing
        // it once keeps the first start fast.
        var hash = new PasswordHasher<User>().HashPassword(null!, DemoPassword);
        var users = new List<User>();
        foreach (var (username, roles) in accounts)
        {
            var user = User.Register(username, $"{username}@example.com", hash, now, roles);
            user.Id = users.Count + 1;
            users.Add(user);
        }

        return users;
    }

    private static List<DemoVenue> CreateVenues(Random random, Plan plan, IReadOnlyList<User> managers)
    {
        var venues = new List<DemoVenue>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var (nextSection, nextRow, nextSeat) = (1, 1, 1);
        for (var k = 0; k < plan.Venues.Length; k++)
        {
            var (kind, cityCount) = plan.Venues[k];

            // Each kind starts at a different city, so big venues are spread across the map.
            var cities = DemoCity.All.Take(plan.Cities).ToArray();
            foreach (var city in Enumerable.Range(0, Math.Min(cityCount, plan.Cities)).Select(i => cities[((k * 3) + i) % cities.Length]))
            {
                var name = VenueName(random, kind, city);
                if (!names.Add(name))
                {
                    name = $"{name} {city.Name}";
                    names.Add(name);
                }

                var manager = managers[venues.Count % managers.Count];
                var venue = Venue.Create(
                    name,
                    $"{random.Next(1, 400)} {Pick(random, DemoWords.Streets)} {Pick(random, DemoWords.StreetKinds)}",
                    city.Name,
                    city.Country,
                    Math.Round(city.Latitude + ((random.NextDouble() - 0.5) * 0.1), 5),
                    Math.Round(city.Longitude + ((random.NextDouble() - 0.5) * 0.1), 5),
                    city.TimeZone,
                    manager.Id);
                var factors = SeatMapLayouts.Build(venue, kind, random);
                (nextSection, nextRow, nextSeat) = venue.AssignKeys(venues.Count + 1, nextSection, nextRow, nextSeat);
                venues.Add(new DemoVenue(venue, kind, city, factors));
            }
        }

        return venues;
    }

    private static string VenueName(Random random, VenueKind kind, DemoCity city)
    {
        var lastName = Pick(random, DemoWords.LastNames);
        var noun = Pick(random, DemoWords.Nouns);
        var adjective = Pick(random, DemoWords.Adjectives);
        string[] options = kind switch
        {
            VenueKind.Stadium => [$"{city.Name} Memorial Stadium", $"{noun} Park Stadium", $"{lastName} Field", $"{city.Name} Olympic Stadium"],
            VenueKind.Arena => [$"{city.Name} Arena", $"{lastName} Center", $"{noun} Arena"],
            VenueKind.Theatre => [$"The {lastName} Theatre", $"Royal {lastName} Theatre", $"{city.Name} Opera House"],
            VenueKind.ConcertHall => [$"{lastName} Hall", $"{city.Name} Philharmonic Hall", $"The {noun} Hall"],
            _ => [$"The {adjective} {noun}", $"{noun} Room", $"Club {noun}"],
        };
        return Pick(random, options);
    }

    internal static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
