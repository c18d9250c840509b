using TicketMaster.Events;
using TicketMaster.Performers;
using static TicketMaster.DemoData.DemoDataGenerator;

namespace TicketMaster.DemoData;

/// <summary>A generated performer and the kind of event it appears at.</summary>
internal sealed record DemoPerformer(Performer Performer, EventCategory Category);

internal static class DemoPerformers
{
    public static List<DemoPerformer> Create(Random random, int count)
    {
        // Shares of the line-up: musicians 60%, teams 15%, comedians 10%, theatre companies 8%, family acts 7%.
        var plan = new (EventCategory Category, int Count)[]
        {
            (EventCategory.Sports, count * 15 / 100),
            (EventCategory.Comedy, count * 10 / 100),
            (EventCategory.Theatre, count * 8 / 100),
            (EventCategory.Family, count * 7 / 100),
        };
        var musicians = count - plan.Sum(p => p.Count);

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var performers = new List<DemoPerformer>();
        void Add(EventCategory category, Func<int, (string Name, string Genre, string Description)> make)
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var (name, genre, description) = make(performers.Count);
                if (!names.Add(name))
                {
                    continue;
                }

                var id = performers.Count + 1;
                var performer = Performer.Create(name, description, genre, $"https://images.example.com/performers/{id}.jpg");
                performer.Id = id;
                performers.Add(new DemoPerformer(performer, category));
                return;
            }

            throw new InvalidOperationException("The word lists are too short for this many performers.");
        }

        for (var i = 0; i < musicians; i++)
        {
            Add(EventCategory.Concert, _ => Musician(random));
        }

        foreach (var (category, share) in plan)
        {
            for (var i = 0; i < share; i++)
            {
                Add(category, index => category switch
                {
                    EventCategory.Sports => Team(random, index),
                    EventCategory.Comedy => Comedian(random),
                    EventCategory.Theatre => TheatreCompany(random),
                    _ => FamilyAct(random),
                });
            }
        }

        return performers;
    }

    private static (string, string, string) Musician(Random random)
    {
        var genre = Pick(random, DemoWords.MusicGenres);
        var city = Pick(random, DemoCity.All).Name;
        var album = $"{Pick(random, DemoWords.Adjectives)} {Pick(random, DemoWords.Nouns)}";
        var year = 2015 + random.Next(11);
        var roll = random.Next(100);
        var name = roll switch
        {
            < 50 => $"{Pick(random, DemoWords.FirstNames)} {Pick(random, DemoWords.LastNames)}",
            < 85 => $"The {Pick(random, DemoWords.Adjectives)} {Plural(Pick(random, DemoWords.Nouns))}",
            _ => $"{Pick(random, DemoWords.Adjectives)} {Pick(random, DemoWords.Nouns)}",
        };
        var act = roll < 50 ? "singer-songwriter" : "band";
        return (name, genre, $"{name} is a {genre} {act} from {city}, known for big-hearted live shows and the {year} album \"{album}\".");
    }

    private static (string, string, string) Team(Random random, int index)
    {
        var sport = DemoWords.Sports[index % DemoWords.Sports.Length];
        var city = Pick(random, DemoCity.All).Name;
        var name = $"{city} {Pick(random, DemoWords.Mascots)}";
        return (name, sport, $"The {name} are a professional {sport.ToLowerInvariant()} team based in {city}.");
    }

    private static (string, string, string) Comedian(Random random)
    {
        var name = $"{Pick(random, DemoWords.FirstNames)} {Pick(random, DemoWords.LastNames)}";
        return (name, "Stand-up", $"{name} is a stand-up comedian whose specials have been streamed in {random.Next(10, 60)} countries.");
    }

    private static (string, string, string) TheatreCompany(Random random)
    {
        var genre = Pick(random, DemoWords.TheatreGenres);
        var name = random.Next(2) == 0
            ? $"{Pick(random, DemoWords.LastNames)} Repertory Company"
            : $"The {Pick(random, DemoWords.Nouns)} Players";
        return (name, genre, $"{name} stages {genre.ToLowerInvariant()} productions that tour the world's great houses.");
    }

    private static (string, string, string) FamilyAct(Random random)
    {
        var genre = Pick(random, DemoWords.FamilyGenres);
        var noun = Pick(random, DemoWords.Nouns);
        var name = genre switch
        {
            "Circus" => $"Cirque {noun}",
            "Magic" => $"The Great {Pick(random, DemoWords.LastNames)}",
            "Ice Show" => $"{noun} on Ice",
            _ => $"{Pick(random, DemoWords.Adjectives)} {noun} Puppets",
        };
        return (name, genre, $"{name}: a {genre.ToLowerInvariant()} show for the whole family.");
    }

    private static string Plural(string noun) => noun switch
    {
        _ when noun.EndsWith('f') => noun[..^1] + "ves",
        _ when noun.EndsWith('o') => noun + "es",
        _ when noun.EndsWith('y') => noun[..^1] + "ies",
        _ => noun + "s",
    };
}
