using TicketMaster.Bench.Harness;

namespace TicketMaster.Bench.Onsale;

public sealed record OnsaleOptions(
    int Buyers,
    int Seats,
    int Concurrency,
    int Warmup,
    int Rounds,
    int Seed,
    bool RetryOnConflict,
    bool Durable,
    string? MySql,
    string? ApiDll,
    string OutputDirectory)
{
    public const string Usage = """
        onsale [--buyers 2000] [--seats 20000] [--concurrency 64] [--warmup 1000] [--rounds 3] [--seed 1]
               [--no-retry] [--durable] [--mysql <connection string>] [--api-dll <path>] [--out bench-results]
          --buyers       buyers, each reserving 1-4 adjacent seats and confirming
          --seats        seats in the venue (sections of 25 rows x 20 seats)
          --concurrency  buyers in flight at once (and HTTP connections / MySQL connections)
          --warmup       buyers run first on a separate event, not measured (0 = none); long enough for
                         tiered JIT to settle (after 200 the Api still spent 0.6 s/s compiling)
          --rounds       reserve-only and baseline-sql run alternately this many times, each on fresh
                         events; the ratio is the median of the rounds' ratios (runs on a shared VM drift)
          --no-retry     a buyer whose seats are taken gives up instead of trying other seats once
          --durable      mariadbd flushes the redo log at every commit (innodb_flush_log_at_trx_commit=1)
          --mysql        use this server (a user that may CREATE DATABASE) instead of starting mariadbd
          --api-dll      the Api to start (default: src/Api/bin/<configuration>/net10.0/TicketMaster.Api.dll)
        """;

    public static OnsaleOptions From(CommandLine line)
    {
        var options = new OnsaleOptions(
            Buyers: line.Int("buyers", 2_000, min: 1),
            Seats: line.Int("seats", 20_000, min: OnsaleVenue.SeatsPerSection),
            Concurrency: line.Int("concurrency", 64, min: 1),
            Warmup: line.Int("warmup", 1_000),
            Rounds: line.Int("rounds", 3, min: 1),
            Seed: line.Int("seed", 1),
            RetryOnConflict: !line.Flag("no-retry"),
            Durable: line.Flag("durable"),
            MySql: line.String("mysql"),
            ApiDll: line.String("api-dll"),
            OutputDirectory: line.String("out") ?? "bench-results");
        line.EnsureAllRead();
        return options;
    }
}
