using System.Diagnostics;
using StackExchange.Redis;
using TicketMaster.Bench.Harness;
using TicketMaster.WaitingRoom;

namespace TicketMaster.Bench.WaitingRoom;

/// <summary>
/// Joins against the queue itself (in memory, or Redis with a redis-server the bench starts), up to
/// <c>--accounts</c> queued places on one event after its opening: joins per second, latency
/// percentiles (all joins, and the last tenth, when the queue is longest), and memory per queued
/// account. The Api adds HTTP, token checks and the per-address limit on top; this isolates the queue.
/// </summary>
public static class WaitingRoomBench
{
    public const string Usage = """
        waitingroom [--accounts 100000] [--concurrency 64] [--redis]
          --accounts     accounts that join one event's queue
          --concurrency  joins in flight at once
          --redis        the Redis queue with a redis-server the bench starts (default: in memory)
        """;

    public static async Task<int> RunAsync(CommandLine line)
    {
        var accounts = line.Int("accounts", 100_000, min: 1);
        var concurrency = line.Int("concurrency", 64, min: 1);
        var useRedis = line.Flag("redis");
        line.EnsureAllRead();

        var options = new WaitingRoomOptions();
        TicketMaster.Testing.RedisServer? server = null;
        ConnectionMultiplexer? redis = null;
        IWaitingRoomQueue queue;
        if (useRedis)
        {
            server = await TicketMaster.Testing.RedisServer.StartPrivateAsync();
            redis = await ConnectionMultiplexer.ConnectAsync(server.Endpoint + ",allowAdmin=true");
            queue = new RedisWaitingRoomQueue(redis, options);
        }
        else
        {
            queue = new InMemoryWaitingRoomQueue(options);
        }

        try
        {
            var opening = DateTime.UtcNow.AddMinutes(-1);
            var room = WaitingRoomSettings.For(1);
            room.TurnOn(admissionsPerMinute: 1, maxAdmitted: 1, opening, null, DateTime.UtcNow);
            await queue.ConfigureAsync(room, default);
            await queue.JoinAsync(1, 0, DateTime.UtcNow, default); // warm-up: the draw and the scripts' first load

            var before = await MemoryAsync(redis, server?.Endpoint);
            var latencies = new long[accounts];
            var next = 0;
            var total = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                int user;
                while ((user = Interlocked.Increment(ref next)) <= accounts)
                {
                    var started = Stopwatch.GetTimestamp();
                    await queue.JoinAsync(1, user, DateTime.UtcNow, default);
                    latencies[user - 1] = Stopwatch.GetTimestamp() - started;
                }
            })));
            total.Stop();
            var after = await MemoryAsync(redis, server?.Endpoint);

            var last = (await queue.FindAsync(1, accounts, DateTime.UtcNow, default))!;
            Console.WriteLine($"waitingroom ({(useRedis ? "Redis" : "in-memory")}): {accounts:N0} joins, {concurrency} in flight, {total.Elapsed.TotalSeconds:F1} s");
            Console.WriteLine($"  joins/s {accounts / total.Elapsed.TotalSeconds:N0}");
            Console.WriteLine($"  latency ms: p50 {Percentile(latencies, 0.50):F3}  p99 {Percentile(latencies, 0.99):F3}  max {Percentile(latencies, 1):F3}");
            Console.WriteLine($"  last tenth (queue longest): p99 {Percentile(latencies[(accounts - accounts / 10)..], 0.99):F3} ms");
            Console.WriteLine($"  memory per queued account: {(after - before) / (double)accounts:N0} bytes ({(useRedis ? "redis used_memory" : "managed heap")})");
            Console.WriteLine($"  last account's position: {last.Position:N0}");
            return 0;
        }
        finally
        {
            redis?.Dispose();
            server?.Stop();
        }
    }

    private static double Percentile(long[] ticks, double quantile)
    {
        var sorted = ticks.Order().ToArray();
        var index = Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1);
        return sorted[Math.Max(0, index)] * 1000.0 / Stopwatch.Frequency;
    }

    private static async Task<long> MemoryAsync(ConnectionMultiplexer? redis, string? redisEndpoint)
    {
        if (redis is null)
        {
            return GC.GetTotalMemory(forceFullCollection: true);
        }

        var info = await redis.GetServer(redisEndpoint!).InfoAsync("memory");
        return long.Parse(info.SelectMany(group => group).First(pair => pair.Key == "used_memory").Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
