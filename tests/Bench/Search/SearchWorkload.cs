using Microsoft.EntityFrameworkCore;
using TicketMaster.Events;
using TicketMaster.Indexer.Search;
using TicketMaster.Persistence;

namespace TicketMaster.Bench.Search;

/// <summary>
/// One request of the mix, both as GraphQL variables (the HTTP bench) and as the adapter's own query
/// (the in-process probe), so the two measure the same searches.
/// </summary>
/// <param name="Prefix">Set for a suggestion, which has no <paramref name="Search"/>.</param>
public sealed record SearchCase(string Kind, object Variables, SearchQuery? Search, string? Prefix);

public static class SearchWorkload
{
    /// <summary>A reproducible mix: what people type (names, misspelt names, half words), what filters they set, where they are.</summary>
    public static async Task<List<SearchCase>> CreateAsync(string connectionString, int seed)
    {
        List<string> performers, cities;
        List<(double Lat, double Lon)> places;
        await using (var db = SearchCatalogSetup.Context(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = connectionString }))
        {
            performers = await db.Performers.Select(p => p.Name).ToListAsync();
            cities = await db.Venues.Select(v => v.City).Distinct().ToListAsync();
            places = (await db.Venues.Select(v => new { v.Latitude, v.Longitude }).ToListAsync()).Select(v => (v.Latitude, v.Longitude)).ToList();
        }

        var random = new Random(seed);
        var categories = Enum.GetValues<EventCategory>();
        string Pick(IReadOnlyList<string> items) => items[random.Next(items.Count)];
        string Typo(string text)
        {
            var word = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First().ToCharArray();
            if (word.Length > 3)
            {
                var i = random.Next(1, word.Length - 2);
                (word[i], word[i + 1]) = (word[i + 1], word[i]);
            }

            return new string(word);
        }

        // The draws happen in the order of the first version of this mix, so runs compare across commits.
        var cases = new List<SearchCase>();
        for (var i = 0; i < 50_000; i++)
        {
            var from = DateTime.UtcNow.Date.AddDays(random.Next(0, 300));
            var roll = random.Next(100);
            cases.Add(roll switch
            {
                < 25 => Name(Pick(performers)),
                < 45 => Misspelt(),
                < 60 => WordAndCity(),
                < 70 => CategoryAndDates(from),
                < 80 => Near(places[random.Next(places.Count)]),
                < 88 => NameOnSaleUnderPrice(),
                < 92 => new SearchCase("empty", new { }, new SearchQuery(), null),
                _ => Suggest(),
            });
        }

        return cases;

        static SearchCase Name(string name) => new("name", new { term = name }, new SearchQuery(name), null);

        SearchCase Misspelt()
        {
            var term = Typo(Pick(performers));
            return new("typo", new { term }, new SearchQuery(term), null);
        }

        SearchCase WordAndCity()
        {
            var term = Pick(performers).Split(' ')[0];
            var city = Pick(cities);
            return new("word+city", new { term, where = new { city } }, new SearchQuery(term, City: city), null);
        }

        SearchCase CategoryAndDates(DateTime from)
        {
            var category = categories[random.Next(categories.Length)];
            return new(
                "category+dates",
                new { where = new { category = category.ToString().ToUpperInvariant(), startsAt = new { gte = from, lte = from.AddDays(30) } }, order = "DATE" },
                new SearchQuery(Category: category, StartsFrom: from, StartsTo: from.AddDays(30), Order: SearchOrder.Date),
                null);
        }

        static SearchCase Near((double Lat, double Lon) place) => new(
            "near",
            new { where = new { near = new { latitude = place.Lat, longitude = place.Lon, radiusKm = 25.0 } }, order = "DISTANCE" },
            new SearchQuery(Near: new GeoFilter(place.Lat, place.Lon, 25.0), Order: SearchOrder.Distance),
            null);

        SearchCase NameOnSaleUnderPrice()
        {
            var term = Pick(performers);
            var maxPrice = random.Next(20, 200);
            return new("name+onsale+price", new { term, where = new { onSaleOnly = true, maxPrice = new { amount = maxPrice, currency = "EUR" } }, order = "DATE" }, new SearchQuery(term, OnSaleOnly: true, MaxPrice: maxPrice, Currency: "EUR", Order: SearchOrder.Date), null);
        }

        // Two draws, as in the first version: the prefix of one name, as long as another (at most 4).
        SearchCase Suggest()
        {
            var name = Pick(performers);
            var prefix = name[..Math.Min(4, Pick(performers).Length)];
            return new("suggest", new { prefix }, null, prefix);
        }
    }
}
