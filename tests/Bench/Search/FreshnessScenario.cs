using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Bench.Harness;
using TicketMaster.Booking;
using TicketMaster.Events;
using TicketMaster.Persistence;

namespace TicketMaster.Bench.Search;

/// <summary>
/// How long a change committed through the Api takes to show in search: a buyer reserves one seat
/// (the mutation's answer means the transaction committed), then the bench searches for that event
/// every 10 ms until its hit's availableSeats shows the seat gone; then releases the seat and times
/// the way back. Target: p99 under 2 s.
/// </summary>
public static class FreshnessScenario
{
    private const double TargetP99Ms = 2_000;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(CommandLine line)
    {
        var options = SearchBenchOptions.From(line, freshness: true);
        var started = DateTime.UtcNow;
        SearchCatalogSetup.Log($"freshness: size {options.Size}, {options.Events:N0} events, {options.Changes} reservations; load average {SearchCatalogSetup.LoadAverage()}");
        using var setup = await SearchCatalogSetup.PrepareAsync(options);
        using var http = GraphQLClient.CreateHttpClient(setup.Api.BaseAddress, 4);
        var client = new GraphQLClient(http);
        var token = await client.SendAsync(
            "mutation($input: RegisterInput!) { register(input: $input) { accessToken } }",
            new { input = new { username = "freshness", email = "freshness@example.com", password = "a long enough passphrase" } },
            null, data => data.GetProperty("register").GetProperty("accessToken").GetString()!, CancellationToken.None);

        var targets = await TargetsAsync(setup.ConnectionString, options.Changes);
        var loadBefore = SearchCatalogSetup.LoadAverage();
        var (latencies, timeouts) = (new Latencies(), 0);
        foreach (var (target, i) in targets.Select((t, i) => (t, i)))
        {
            var before = await AvailableAsync(client, target);
            var reservationId = await client.SendAsync(
                "mutation($input: ReserveSeatsInput!) { reserveSeats(input: $input) { reservation { id } errors { __typename } } }",
                new { input = new { eventId = target.EventId, seatIds = new[] { target.SeatId } } }, token,
                data => data.GetProperty("reserveSeats").GetProperty("reservation").GetProperty("id").GetString()!, CancellationToken.None);
            timeouts += await TimeUntilAsync(client, target, before - 1, latencies) ? 0 : 1;

            await client.SendAsync(
                "mutation($id: ID!) { releaseReservation(input: { reservationId: $id }) { errors { __typename } } }",
                new { id = reservationId }, token, data => data.ValueKind, CancellationToken.None);
            timeouts += await TimeUntilAsync(client, target, before, latencies) ? 0 : 1;
            if ((i + 1) % 10 == 0)
            {
                var so = latencies.Summarize();
                SearchCatalogSetup.Log($"{(i + 1) * 2} changes: ms p50/p99 {so.P50Ms}/{so.P99Ms}");
            }
        }

        var summary = latencies.Summarize();
        var met = timeouts == 0 && summary.P99Ms < TargetP99Ms;
        var report = new
        {
            scenario = "freshness",
            startedAt = started,
            options,
            machine = new { cores = Environment.ProcessorCount, os = RuntimeInformation.OSDescription, runtime = RuntimeInformation.FrameworkDescription, loadAverageBefore = loadBefore, loadAverageAfter = SearchCatalogSetup.LoadAverage() },
            searchableEvents = setup.SearchableEvents,
            indexBuildSeconds = Math.Round(setup.IndexSeconds, 1),
            commitToSearchable = summary,
            timeouts,
            target = new { p99UnderMs = TargetP99Ms, met },
        };
        Console.WriteLine();
        Console.WriteLine($"== freshness: {setup.SearchableEvents:N0} searchable events (Lucene, indexer in the Api, Indexer:Interval 1 s) ==");
        Console.WriteLine($"commit → searchable, n={summary.Count}: ms p50/p95/p99/max {summary.P50Ms}/{summary.P95Ms}/{summary.P99Ms}/{summary.MaxMs} (poll every {Poll.TotalMilliseconds} ms); gave up on {timeouts}");
        Console.WriteLine($"load average before/after: {loadBefore} / {report.machine.loadAverageAfter} on {Environment.ProcessorCount} cores");
        Console.WriteLine($"{(met ? "MET   " : "MISSED")} commit to searchable p99 < {TargetP99Ms} ms");
        Console.WriteLine($"JSON summary: {await SearchScenario.WriteJsonAsync(report, options.OutputDirectory, "freshness", started)}");
        return timeouts > 0 ? 1 : 0;
    }

    private sealed record Target(string EventId, string SeatId, string Name, DateTime StartsAt);

    /// <summary>On-sale events with seats, each with one seat that is free.</summary>
    private static async Task<List<Target>> TargetsAsync(string connectionString, int count)
    {
        await using var db = SearchCatalogSetup.Context(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = connectionString });
        var events = await db.Events.Where(e => e.Status == EventStatus.OnSale && db.EventSeats.Any(s => s.EventId == e.Id))
            .OrderBy(e => e.Id).Take(count).Select(e => new { e.Id, e.Name, e.StartsAt }).ToListAsync();
        var targets = new List<Target>();
        foreach (var e in events)
        {
            var seat = await db.EventSeats.Where(s => s.EventId == e.Id && s.Status == SeatStatus.Available).Select(s => s.SeatId).FirstAsync();
            targets.Add(new Target(GlobalId("Event", e.Id), GlobalId("Seat", seat), e.Name, e.StartsAt));
        }

        return [.. Enumerable.Range(0, count).Select(i => targets[i % targets.Count])];
    }

    private static string GlobalId(string type, int id) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{type}:{id}"));

    private static async Task<bool> TimeUntilAsync(GraphQLClient client, Target target, int expected, Latencies latencies)
    {
        var start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start) < GiveUp)
        {
            if (await AvailableAsync(client, target) == expected)
            {
                latencies.Add(start);
                return true;
            }

            await Task.Delay(Poll);
        }

        return false;
    }

    /// <summary>The event's seat count as the search index has it (its name, narrowed to its start time).</summary>
    private static Task<int> AvailableAsync(GraphQLClient client, Target target) =>
        client.SendAsync(
            "query($term: String, $at: DateTime) { searchEvents(term: $term, where: { startsAt: { gte: $at, lte: $at } }, first: 50) { nodes { availableSeats event { id } } } }",
            new { term = target.Name, at = target.StartsAt },
            null,
            data => data.GetProperty("searchEvents").GetProperty("nodes").EnumerateArray()
                .Where(n => n.GetProperty("event").GetProperty("id").GetString() == target.EventId)
                .Select(n => n.GetProperty("availableSeats").GetInt32()).DefaultIfEmpty(-1).First(),
            CancellationToken.None);
}
