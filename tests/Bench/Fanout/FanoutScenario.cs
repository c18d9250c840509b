using System.Diagnostics;
using System.Globalization;
using TicketMaster.Api.Users;
using TicketMaster.Bench.Harness;
using TicketMaster.Bench.Onsale;
using TicketMaster.Testing;

namespace TicketMaster.Bench.Fanout;

/// <summary>
/// Live availability under a crowd: N WebSocket subscribers watch one event's seat map while seats
/// are reserved through the Api over HTTP at a steady rate. Measures how long each change takes from
/// its reservation's HTTP answer (the commit happened just before) to each subscriber, which versions
/// never arrived (and whether a later one made the gap visible), and what a connection costs the Api.
/// </summary>
public static class FanoutScenario
{
    private const string EventName = "fanout";
    private const double TargetP99Ms = 1_000;

    public static async Task<int> RunAsync(CommandLine line)
    {
        var options = FanoutOptions.From(line);
        var cancellation = CancellationToken.None;
        var started = DateTime.UtcNow;
        var reservations = (int)Math.Ceiling(options.Rate * options.Seconds);
        var load = new List<string> { LoadAverage() };
        Log($"fanout: {options.Subscribers:N0} subscribers, {options.Rate} reservations/s for {options.Seconds} s ({reservations:N0}), bus {(options.Redis ? "Redis" : "in-memory")}; load average {load[0]}");

        using var server = await MariaDbServer.StartAsync(options.MySql);
        CpuUsage.Database = server.Process;
        var connectionString = await server.CreateDatabaseAsync($"tm_fanout_{started:yyyyMMddHHmmss}");
        var venue = await SeedAsync(connectionString, server.ServerVersion, reservations, cancellation);
        var eventId = ApiBooking.GlobalId("Event", venue.Events[EventName]);

        RedisServer? redis = null;
        var settings = new Dictionary<string, string>
        {
            ["Booking__MaxActiveHoldsPerEvent"] = "1000000",
            ["GraphQL__WebSockets__ConnectionInitWaitTimeout"] = "00:00:30",

            // Every simulated subscriber connects from the bench's one loopback address; the
            // per-address limits (docs/security.md) are for real clients, not this load generator.
            ["GraphQL__Subscriptions__MaxConnectionsPerAddress"] = "1000000",
            ["GraphQL__Subscriptions__MaxSubscriptionsPerAddress"] = "1000000",
            ["GraphQL__Subscriptions__MaxSubscriptionsPerAccount"] = "1000000",
            ["GraphQL__Subscriptions__MaxSubscriptionsPerInstance"] = "1000000",
        };
        if (options.Redis)
        {
            redis = await RedisServer.StartPrivateAsync();
            settings["Availability__Bus"] = "Redis";
            settings["ConnectionStrings__Redis"] = redis.Endpoint;
        }

        try
        {
            using var api = await ApiServer.StartAsync(options.ApiDll, connectionString, server.ServerVersion, settings);
            CpuUsage.Api = api.Process;
            Log($"api: {api.AssemblyPath} on {api.BaseAddress} (pid {api.Process.Id}), database {server.Description}");
            using var http = GraphQLClient.CreateHttpClient(api.BaseAddress, 64);
            var booking = new ApiBooking(new GraphQLClient(http));
            var tokens = new AccessTokens(new AuthOptions { SigningKey = api.SigningKey }, TimeProvider.System, new ConfiguredAccessTokenKey(new AuthOptions { SigningKey = api.SigningKey }));
            foreach (var buyer in venue.Buyers)
            {
                buyer.AccessToken = tokens.Issue(buyer.Account).Token;
            }

            var seats = venue.SeatIds.SelectMany(section => section.SelectMany(row => row)).ToArray();
            var webSocketUrl = new Uri(api.BaseAddress.ToString().Replace("http", "ws", StringComparison.Ordinal) + "graphql");

            // Warm-up, not measured: JIT and pools of both paths, on seats the run does not use.
            var warm = await ConnectAsync(webSocketUrl, eventId, 50, 50, reservations, cancellation);
            for (var i = 0; i < 20; i++)
            {
                await booking.ReserveAsync(venue.Buyers[i % venue.Buyers.Count], venue.Events[EventName], [seats[^(i + 1)]], cancellation);
            }

            warm.ForEach(s => s.Abort());
            await Task.Delay(TimeSpan.FromSeconds(2), cancellation); // let the Api drop the warm-up sockets before measuring memory
            GC.Collect();

            var rssBefore = ProcessMemory.ResidentBytes(api.Process.Id);
            var benchBefore = ProcessMemory.ResidentBytes(Environment.ProcessId);
            var connecting = Stopwatch.StartNew();
            var subscribers = await ConnectAsync(webSocketUrl, eventId, options.Subscribers + 1, options.ConnectConcurrency, reservations, cancellation);
            connecting.Stop();
            var observer = subscribers[0];
            var rssConnected = ProcessMemory.ResidentBytes(api.Process.Id);
            var benchConnected = ProcessMemory.ResidentBytes(Environment.ProcessId);
            var baselines = subscribers.Select(s => s.Baseline).Distinct().ToList();
            Log($"{subscribers.Count:N0} sockets subscribed in {connecting.Elapsed.TotalSeconds:0.0} s; Api RSS {Mb(rssBefore)} → {Mb(rssConnected)} MB; baselines {string.Join(", ", baselines)}");
            load.Add(LoadAverage());

            // Reservations at a steady rate, each one seat, each on its own task.
            var returned = new Dictionary<string, (long Sent, long Returned)>();
            var failures = 0;
            var cpu = CpuUsage.Start();
            var run = Stopwatch.StartNew();
            var calls = new List<Task>();
            for (var i = 0; i < reservations; i++)
            {
                var due = TimeSpan.FromSeconds(i / options.Rate) - run.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, cancellation);
                }

                var seat = seats[i];
                var buyer = venue.Buyers[i % venue.Buyers.Count];
                calls.Add(Task.Run(async () =>
                {
                    var sent = Stopwatch.GetTimestamp();
                    var outcome = await booking.ReserveAsync(buyer, venue.Events[EventName], [seat], cancellation);
                    var back = Stopwatch.GetTimestamp();
                    lock (returned)
                    {
                        if (outcome.Result == ReserveResult.Held)
                        {
                            returned[ApiBooking.GlobalId("Seat", seat)] = (sent, back);
                        }
                        else
                        {
                            failures++;
                        }
                    }
                }, cancellation));
            }

            await Task.WhenAll(calls);
            var reserveSeconds = run.Elapsed.TotalSeconds;
            var final = baselines.Max() + returned.Count;

            // Every subscriber has the last version, or ten seconds passed: what is missing then is lost.
            var deadline = Stopwatch.StartNew();
            while (subscribers.Any(s => s.Last < final) && deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(100, cancellation);
            }

            var wall = run.Elapsed.TotalSeconds;
            var usage = cpu.Stop(wall);
            var rssAfter = ProcessMemory.ResidentBytes(api.Process.Id);
            load.Add(LoadAverage());
            subscribers.ForEach(s => s.Abort());

            var result = Measure(options, subscribers, observer, returned, final, failures);
            var summary = new FanoutSummary(
                started, BenchOutput.GitCommit(), Environment.ProcessorCount, load, options.Redis ? "Redis" : "InMemory", server.Description,
                options.Subscribers, options.Rate, reservations, returned.Count, failures, Math.Round(reserveSeconds, 2),
                Math.Round(connecting.Elapsed.TotalSeconds, 1), Mb(rssBefore), Mb(rssConnected), Mb(rssAfter),
                Math.Round((double)(rssConnected - rssBefore) / options.Subscribers / 1024, 1),
                Math.Round((double)(benchConnected - benchBefore) / options.Subscribers / 1024, 1),
                result, usage, TargetP99Ms);
            Print(summary);
            var file = await BenchOutput.WriteJsonAsync(summary, "fanout", started, options.OutputDirectory);
            Console.WriteLine($"JSON summary: {file}");
            return result.LostWithoutGap > 0 || result.OutOfOrder > 0 ? 1 : 0;
        }
        finally
        {
            redis?.Stop();
        }
    }

    private static FanoutResult Measure(FanoutOptions options, List<FanoutSubscriber> subscribers, FanoutSubscriber observer,
        Dictionary<string, (long Sent, long Returned)> returned, long final, int failures)
    {
        var baseline = observer.Baseline;
        var expected = (int)(final - baseline);
        var latencies = new List<double>(expected * subscribers.Count);
        var fromRequest = new List<double>(expected * subscribers.Count);
        long delivered = 0, visibleGaps = 0, lostWithoutGap = 0, outOfOrder = 0, unmapped = 0;
        var tick = 1000.0 / Stopwatch.Frequency;
        foreach (var subscriber in subscribers)
        {
            outOfOrder += subscriber.OutOfOrder;
            var lastArrived = -1;
            for (var i = 0; i < expected; i++)
            {
                if (subscriber.Arrivals[i] != 0)
                {
                    lastArrived = i;
                }
            }

            for (var i = 0; i < expected; i++)
            {
                var arrived = subscriber.Arrivals[i];
                if (arrived == 0)
                {
                    // A later version tells the client it missed this one; after the last arrival nothing does.
                    if (i < lastArrived)
                    {
                        visibleGaps++;
                    }
                    else
                    {
                        lostWithoutGap++;
                    }

                    continue;
                }

                delivered++;
                if (observer.Seats.TryGetValue(baseline + 1 + i, out var seat) && returned.TryGetValue(seat, out var call))
                {
                    latencies.Add((arrived - call.Returned) * tick);
                    fromRequest.Add((arrived - call.Sent) * tick);
                }
                else
                {
                    unmapped++;
                }
            }
        }

        return new FanoutResult(
            subscribers.Count, expected, (long)expected * subscribers.Count, delivered, visibleGaps, lostWithoutGap, outOfOrder, unmapped,
            Summarize(latencies), Summarize(fromRequest),
            Summarize(returned.Values.Select(c => (c.Returned - c.Sent) * tick).ToList()));
    }

    private static LatencySummary Summarize(List<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        double Percentile(double p) => sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)], 1);
        return new LatencySummary(sorted.Length, Percentile(50), Percentile(95), Percentile(99), sorted.Length == 0 ? 0 : Math.Round(sorted[^1], 1), sorted.Length == 0 ? 0 : Math.Round(sorted.Average(), 1));
    }

    private static async Task<List<FanoutSubscriber>> ConnectAsync(Uri url, string eventId, int count, int concurrency, int capacity, CancellationToken cancellationToken)
    {
        var subscribers = new FanoutSubscriber[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (i, token) =>
        {
            subscribers[i] = await FanoutSubscriber.ConnectAsync(url, eventId, capacity, observer: i == 0, token);
        });
        return [.. subscribers];
    }

    // One seat per reservation, plus the warm-up's twenty from the other end.
    private static Task<OnsaleVenue> SeedAsync(string connectionString, string serverVersion, int reservations, CancellationToken cancellationToken) =>
        OnsaleVenue.CreateAsync(connectionString, serverVersion, 100, Math.Max(OnsaleVenue.SeatsPerSection, reservations + 20), [EventName], cancellationToken);

    private static void Print(FanoutSummary s)
    {
        var r = s.Result;
        Console.WriteLine();
        Console.WriteLine($"fanout — {s.Subscribers:N0} subscribers, {s.Bus} bus, {s.Cores} cores, load average {string.Join(" → ", s.LoadAverage)}");
        Console.WriteLine($"  reservations: {s.Reserved:N0} of {s.Reservations:N0} held ({s.ReserveFailures} failed) at {s.Rate}/s in {s.ReserveSeconds} s; HTTP p50 {r.ReserveCall.P50Ms} ms, p99 {r.ReserveCall.P99Ms} ms");
        Console.WriteLine($"  commit→delivery (from the reserve call's answer): p50 {r.Latency.P50Ms} ms, p95 {r.Latency.P95Ms} ms, p99 {r.Latency.P99Ms} ms, max {r.Latency.MaxMs} ms over {r.Latency.Count:N0} deliveries (target p99 < {s.TargetP99Ms} ms: {(r.Latency.P99Ms < s.TargetP99Ms ? "met" : "MISSED")})");
        Console.WriteLine($"  request→delivery (upper bound): p50 {r.FromRequest.P50Ms} ms, p99 {r.FromRequest.P99Ms} ms");
        Console.WriteLine($"  messages: {r.Delivered:N0} of {r.Expected:N0} delivered; missing with a visible gap {r.MissingWithGap:N0}; lost without a gap {r.LostWithoutGap:N0}; out of order {r.OutOfOrder:N0}");
        Console.WriteLine($"  memory: Api RSS {s.ApiRssBeforeMb} MB → {s.ApiRssConnectedMb} MB connected → {s.ApiRssAfterMb} MB after the run; {s.ApiKbPerConnection} KB per connection (bench side {s.BenchKbPerConnection} KB)");
        Console.WriteLine($"  connecting {s.Subscribers:N0} sockets took {s.ConnectSeconds} s");
        Console.WriteLine($"  cpu (cores busy): api {s.Cpu.ApiCores}, mariadbd {s.Cpu.DatabaseCores}, bench {s.Cpu.BenchCores}, others {s.Cpu.OtherCores}");
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static double Mb(long bytes) => Math.Round(bytes / 1024.0 / 1024, 1);

    private static void Log(string message) => BenchOutput.Log(message);
}

public sealed record FanoutResult(
    int Subscribers, int VersionsPerSubscriber, long Expected, long Delivered, long MissingWithGap, long LostWithoutGap, long OutOfOrder, long Unmapped,
    LatencySummary Latency, LatencySummary FromRequest, LatencySummary ReserveCall);

public sealed record FanoutSummary(
    DateTime StartedAt, string? Commit, int Cores, IReadOnlyList<string> LoadAverage, string Bus, string Database,
    int Subscribers, double Rate, int Reservations, int Reserved, int ReserveFailures, double ReserveSeconds,
    double ConnectSeconds, double ApiRssBeforeMb, double ApiRssConnectedMb, double ApiRssAfterMb, double ApiKbPerConnection, double BenchKbPerConnection,
    FanoutResult Result, CpuUsage.Report Cpu, double TargetP99Ms);
