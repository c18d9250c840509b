using TicketMaster.Bench.Harness;

namespace TicketMaster.Bench.Fanout;

public sealed record FanoutOptions(
    int Subscribers,
    double Rate,
    int Seconds,
    int ConnectConcurrency,
    bool Redis,
    string? MySql,
    string? ApiDll,
    string OutputDirectory)
{
    public const string Usage = """
        fanout [--subscribers 10000] [--rate 5] [--seconds 30] [--connect-concurrency 200] [--redis]
               [--mysql <connection string>] [--api-dll <path>] [--out bench-results]
          --subscribers          WebSocket subscribers (graphql-transport-ws) on one event's seat map
          --rate                 reservations per second through the Api over HTTP, one seat each, steady
          --seconds              how long reservations go on
          --connect-concurrency  sockets being opened at once while connecting
          --redis                Availability:Bus=Redis with a redis-server the bench starts (default: in-memory bus)
          --mysql / --api-dll    as for onsale
        """;

    public static FanoutOptions From(CommandLine line)
    {
        var rate = line.String("rate") is { } text
            ? double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var r) && r > 0
                ? r
                : throw new CommandLineException($"--rate must be a positive number, not '{text}'")
            : 5;
        var options = new FanoutOptions(
            Subscribers: line.Int("subscribers", 10_000, min: 1),
            Rate: rate,
            Seconds: line.Int("seconds", 30, min: 1),
            ConnectConcurrency: line.Int("connect-concurrency", 200, min: 1),
            Redis: line.Flag("redis"),
            MySql: line.String("mysql"),
            ApiDll: line.String("api-dll"),
            OutputDirectory: line.String("out") ?? "bench-results");
        line.EnsureAllRead();
        return options;
    }
}
