using TicketMaster.Events;
using TicketMaster.Users;
using static TicketMaster.DemoData.DemoDataGenerator;

namespace TicketMaster.DemoData;

internal static class DemoEvents
{
    private static readonly (EventCategory Category, int Weight)[] CategoryWeights =
    [
        (EventCategory.Concert, 40), (EventCategory.Sports, 18), (EventCategory.Theatre, 17),
        (EventCategory.Comedy, 10), (EventCategory.Family, 10), (EventCategory.Other, 5),
    ];

    public static List<Event> Create(
        Random random, int count, IReadOnlyList<DemoVenue> venues, IReadOnlyList<DemoPerformer> performers, IReadOnlyList<User> organizers, DateTime now)
    {
        var booked = new HashSet<(int VenueId, DateOnly Day)>();
        var byCategory = performers.ToLookup(p => p.Category, p => p.Performer);
        var events = new List<Event>();
        while (events.Count < count)
        {
            var category = WeightedPick(random, CategoryWeights);
            var venue = WeightedPick(random, VenueWeights(category).SelectMany(w => venues.Where(v => v.Kind == w.Kind).Select(v => (v, w.Weight))).ToArray());
            var localDay = DateOnly.FromDateTime(now).AddDays(random.Next(2, 366));
            if (!booked.Add((venue.Venue.Id, localDay)))
            {
                continue;
            }

            var (name, description, lineup) = Describe(random, category, venue, byCategory);
            var startsAt = TimeZoneInfo.ConvertTimeToUtc(localDay.ToDateTime(LocalStart(random, category, localDay)), TimeZoneInfo.FindSystemTimeZoneById(venue.City.TimeZone));
            var basePrice = BasePrice(random, category) * (venue.City.Currency == "SEK" ? 10 : 1);
            var prices = venue.PriceFactors.ToDictionary(p => p.Key.Id, p => decimal.Round(basePrice * p.Value * 2, MidpointRounding.AwayFromZero) / 2);
            var organizer = organizers[Math.Min((int)category, organizers.Count - 1)];

            var scheduled = Event.Schedule(name, description, category, startsAt, venue.Venue, organizer.Id, venue.City.Currency, prices, lineup, now);
            scheduled.AssignKey(events.Count + 1);
            var status = random.Next(100);
            if (status < 93)
            {
                scheduled.PutOnSale();
            }

            if (status >= 98)
            {
                scheduled.Cancel();
            }

            events.Add(scheduled);
        }

        return events;
    }

    private static (string Name, string Description, int[] Lineup) Describe(
        Random random, EventCategory category, DemoVenue venue, ILookup<EventCategory, Performers.Performer> performers)
    {
        var where = $"{venue.Venue.Name}, {venue.City.Name}";
        var theme = $"{Pick(random, DemoWords.Adjectives)} {Pick(random, DemoWords.Nouns)}";
        switch (category)
        {
            case EventCategory.Concert:
            {
                var acts = performers[category].OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray();
                var headliner = acts[0].Name;
                var name = random.Next(3) switch
                {
                    0 => $"{headliner}: The {theme} Tour",
                    1 => $"{headliner} Live",
                    _ => $"{headliner}: {theme} World Tour",
                };
                var support = acts.Length > 1 ? $" With special guests {string.Join(" and ", acts.Skip(1).Select(a => a.Name))}." : "";
                return (name, $"{headliner} brings {acts[0].Genre.ToLowerInvariant()} to {where} for one night only.{support}", acts.Select(a => a.Id).ToArray());
            }

            case EventCategory.Sports:
            {
                var sport = Pick(random, performers[category].Select(p => p.Genre).Distinct().ToArray());
                var teams = performers[category].Where(p => p.Genre == sport).OrderBy(_ => random.Next()).Take(2).ToArray();
                return ($"{teams[0].Name} vs {teams[1].Name}", $"{sport}: the {teams[0].Name} host the {teams[1].Name} at {where}.", teams.Select(t => t.Id).ToArray());
            }

            case EventCategory.Theatre:
            {
                var company = Pick(random, performers[category].ToArray());
                var title = random.Next(2) == 0 ? $"The {theme}" : $"{Pick(random, DemoWords.Nouns)} of the {Pick(random, DemoWords.Nouns)}";
                return (title, $"{company.Name} present {title}, a {company.Genre.ToLowerInvariant()} in two acts, at {where}.", [company.Id]);
            }

            case EventCategory.Comedy:
            {
                var comics = performers[category].OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray();
                var name = comics.Length == 1 ? $"{comics[0].Name}: {theme}" : $"Comedy Night: {string.Join(", ", comics.Select(c => c.Name))}";
                return (name, $"Stand-up at {where}. Strictly 16+.", comics.Select(c => c.Id).ToArray());
            }

            case EventCategory.Family:
            {
                var act = Pick(random, performers[category].ToArray());
                return ($"{act.Name}: {theme}", $"{act.Name} bring {theme} to {where}. Fun for all ages.", [act.Id]);
            }

            default:
            {
                var speaker = $"{Pick(random, DemoWords.FirstNames)} {Pick(random, DemoWords.LastNames)}";
                return ($"In Conversation: {speaker}", $"An evening of stories and questions with {speaker} at {where}.", []);
            }
        }
    }

    private static (VenueKind Kind, int Weight)[] VenueWeights(EventCategory category) => category switch
    {
        EventCategory.Concert => [(VenueKind.Stadium, 1), (VenueKind.Arena, 3), (VenueKind.ConcertHall, 3), (VenueKind.Club, 5), (VenueKind.Theatre, 1)],
        EventCategory.Sports => [(VenueKind.Stadium, 3), (VenueKind.Arena, 3)],
        EventCategory.Theatre => [(VenueKind.Theatre, 5), (VenueKind.ConcertHall, 2)],
        EventCategory.Comedy => [(VenueKind.Club, 4), (VenueKind.Theatre, 2), (VenueKind.ConcertHall, 2), (VenueKind.Arena, 1)],
        EventCategory.Family => [(VenueKind.Arena, 3), (VenueKind.Theatre, 2), (VenueKind.ConcertHall, 1)],
        _ => [(VenueKind.ConcertHall, 2), (VenueKind.Theatre, 1), (VenueKind.Club, 1)],
    };

    private static TimeOnly LocalStart(Random random, EventCategory category, DateOnly day)
    {
        var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        TimeOnly[] options = category switch
        {
            EventCategory.Concert => [new(20, 0), new(19, 30)],
            EventCategory.Sports => weekend ? [new(13, 0), new(15, 0), new(18, 0)] : [new(19, 0), new(19, 45)],
            EventCategory.Theatre => weekend ? [new(14, 30), new(19, 30)] : [new(19, 30)],
            EventCategory.Comedy => [new(19, 0), new(21, 0)],
            EventCategory.Family => [new(11, 0), new(14, 0), new(17, 0)],
            _ => [new(18, 30)],
        };
        return Pick(random, options);
    }

    private static decimal BasePrice(Random random, EventCategory category)
    {
        var (low, high) = category switch
        {
            EventCategory.Concert => (55, 140),
            EventCategory.Sports => (40, 120),
            EventCategory.Theatre => (50, 150),
            EventCategory.Comedy => (25, 70),
            EventCategory.Family => (20, 60),
            _ => (15, 35),
        };
        return random.Next(low, high + 1);
    }

    private static T WeightedPick<T>(Random random, (T Item, int Weight)[] weighted)
    {
        var roll = random.Next(weighted.Sum(w => w.Weight));
        foreach (var (item, weight) in weighted)
        {
            if ((roll -= weight) < 0)
            {
                return item;
            }
        }

        throw new InvalidOperationException("Weights must be positive.");
    }
}
