using System.Diagnostics;
using System.Globalization;
using TicketMaster.Api.Users;
using TicketMaster.Bench.Harness;
using TicketMaster.Persistence;
using TicketMaster.Testing;
using TicketMaster.Users;

namespace TicketMaster.Bench.Layout;

/// <summary>
/// A venue manager lays out a 20,000-seat arena in one <c>layOutSeatMap</c> (40 curved blocks of
/// 20 rows × 25 seats), then an organizer drafts an event there (<c>createEvent</c>: 20,000 inventory
/// rows), through the real Api process over HTTP on MariaDB (or SQLite). Each run uses a new venue;
/// times are the mutations' wall clock as the client sees it. Target: each under 2 s.
/// </summary>
public static class LayoutScenario
{
    public const string Usage = "layout [--provider mysql|sqlite] [--runs 5] [--sections 40] [--rows 20] [--seats 25] [--api-dll path]";

    private const double TargetMs = 2_000;

    public static async Task<int> RunAsync(CommandLine line)
    {
        var provider = line.String("provider") is "sqlite" ? DatabaseProvider.Sqlite : DatabaseProvider.MySql;
        var (runs, sections, rows, seats) = (line.Int("runs", 5, 1), line.Int("sections", 40, 1), line.Int("rows", 20, 1), line.Int("seats", 25, 1));
        var apiDll = line.String("api-dll");
        line.EnsureAllRead();

        await using var database = await TestDatabase.CreateAsync(provider, "bench_layout");
        var (manager, organizer) = (User.Register("bench-manager", "bench-manager@example.com", "-", DateTime.UtcNow, Role.VenueManager),
            User.Register("bench-organizer", "bench-organizer@example.com", "-", DateTime.UtcNow, Role.Organizer));
        await using (var db = database.CreateContext())
        {
            db.Users.AddRange(manager, organizer);
            await db.SaveChangesAsync();
        }

        using var api = await ApiServer.StartAsync(apiDll, new Dictionary<string, string>
        {
            ["Database__Provider"] = provider.ToString(),
            ["Database__ServerVersion"] = database.Options.ServerVersion ?? "",
            ["ConnectionStrings__TicketMaster"] = database.ConnectionString,
        });
        var auth = new AuthOptions { SigningKey = api.SigningKey };
        var tokens = new AccessTokens(auth, TimeProvider.System, new ConfiguredAccessTokenKey(auth));
        var (managerToken, organizerToken) = (tokens.Issue(manager).Token, tokens.Issue(organizer).Token);
        using var http = GraphQLClient.CreateHttpClient(api.BaseAddress, 2);
        http.Timeout = TimeSpan.FromMinutes(2);
        var client = new GraphQLClient(http);
        var places = sections * rows * seats;
        Console.WriteLine($"layout: {provider}, {runs} runs of {sections} sections × {rows} rows × {seats} seats = {places:N0} seats");

        var (layouts, events) = (new List<double>(), new List<double>());
        for (var run = 0; run <= runs; run++)
        {
            var venueId = await client.SendAsync(
                "mutation($input: CreateVenueInput!) { createVenue(input: $input) { venue { id } } }",
                new { input = new { name = $"Bench Arena {run}", address = "1 Bench Road", city = "Berlin", country = "DE", latitude = 52.5, longitude = 13.4, timeZone = "Europe/Berlin" } },
                managerToken, data => data.GetProperty("createVenue").GetProperty("venue").GetProperty("id").GetString()!, CancellationToken.None);

            var watch = Stopwatch.StartNew();
            var sectionIds = await client.SendAsync(
                "mutation($input: LayOutSeatMapInput!) { layOutSeatMap(input: $input) { venue { capacity sections { id } } errors { __typename ... on Error { message } } } }",
                new { input = new { venueId, sections = Arena(sections, rows, seats) } }, managerToken,
                data => data.GetProperty("layOutSeatMap").GetProperty("venue").GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList(),
                CancellationToken.None);
            var layoutMs = watch.Elapsed.TotalMilliseconds;

            watch.Restart();
            await client.SendAsync(
                "mutation($input: CreateEventInput!) { createEvent(input: $input) { event { id } errors { __typename ... on Error { message } } } }",
                new { input = new { venueId, name = $"Bench Night {run}", category = "CONCERT", startsAt = "2030-06-01T20:00", currency = "EUR", prices = sectionIds.Select(id => new { sectionId = id, price = new { amount = 50, currency = "EUR" } }).ToArray() } },
                organizerToken, data => data.GetProperty("createEvent").GetProperty("event").GetProperty("id").GetString()!, CancellationToken.None);
            var eventMs = watch.Elapsed.TotalMilliseconds;

            // Run 0 warms the Api (JIT, pools, query plans) and is not counted.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}{(run == 0 ? " (warm-up)" : "")}: layOutSeatMap {layoutMs:0} ms, createEvent {eventMs:0} ms"));
            if (run > 0)
            {
                layouts.Add(layoutMs);
                events.Add(eventMs);
            }
        }

        var (layoutMedian, eventMedian) = (Median(layouts), Median(events));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"layOutSeatMap {places:N0} seats: median {layoutMedian:0} ms, max {layouts.Max():0} ms; createEvent with {places:N0} inventory rows: median {eventMedian:0} ms, max {events.Max():0} ms (target < {TargetMs:0} ms each)"));
        return layouts.Max() < TargetMs && events.Max() < TargetMs ? 0 : 1;
    }

    /// <summary>Blocks around the stage in a ring, each turned to face it, rows curved.</summary>
    private static object[] Arena(int sections, int rows, int seats) =>
        Enumerable.Range(0, sections).Select(s =>
        {
            var angle = 360.0 * s / sections;
            var (sin, cos) = Math.SinCos(angle * Math.PI / 180);
            return (object)new
            {
                name = $"{101 + s}",
                block = new
                {
                    rowLabels = Enumerable.Range(1, rows).Select(r => r.ToString(CultureInfo.InvariantCulture)).ToArray(),
                    seatsPerRow = seats,
                    x = Math.Round(60 * cos, 2),
                    y = Math.Round(60 * sin, 2),
                    angle = angle + 90,
                    curvature = 0.8,
                },
            };
        }).ToArray();

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
