using TicketMaster.Bench.Harness;
using TicketMaster.DemoData;

namespace TicketMaster.Bench.Search;

public sealed record SearchBenchOptions(
    DemoDataSize Size,
    int Events,
    int Requests,
    int Warmup,
    int Concurrency,
    int Changes,
    int Seed,
    string? ApiDll,
    string OutputDirectory,
    string? CatalogDirectory)
{
    public const string Usage = """
        search    [--size large] [--events 100000] [--requests 3000] [--warmup 300] [--concurrency 4] [--seed 1] [--api-dll <path>] [--catalog <dir>] [--out bench-results]
        freshness [--size large] [--events 100000] [--changes 100] [--seed 1] [--api-dll <path>] [--catalog <dir>] [--out bench-results]
          --size         demo data loaded first (Small: 80 events, Large: 1,000 events with ~5 million inventory rows)
          --events       generated events added on top until there are this many (no seat inventory of their own)
          --requests     searches measured, after --warmup unmeasured ones, --concurrency at a time (search)
          --changes      reservations made and released through the Api, each timed until search shows it (freshness)
          --catalog      keep the SQLite database and the index in this folder and reuse them on the next run
                         (seeding 100,000 events takes minutes); default: a temp folder deleted afterwards
          --api-dll      the Api to start (default: src/Api/bin/<configuration>/net10.0/TicketMaster.Api.dll)
        """;

    public static SearchBenchOptions From(CommandLine line, bool freshness)
    {
        var size = line.String("size") ?? "large";
        var options = new SearchBenchOptions(
            Size: Enum.TryParse<DemoDataSize>(size, ignoreCase: true, out var parsed) && parsed != DemoDataSize.None
                ? parsed
                : throw new CommandLineException($"--size must be small or large, not '{size}'"),
            Events: line.Int("events", 100_000, min: 1),
            Requests: freshness ? 0 : line.Int("requests", 3_000, min: 1),
            Warmup: freshness ? 0 : line.Int("warmup", 300),
            Concurrency: freshness ? 1 : line.Int("concurrency", 4, min: 1),
            Changes: freshness ? line.Int("changes", 100, min: 1) : 0,
            Seed: line.Int("seed", 1),
            ApiDll: line.String("api-dll"),
            OutputDirectory: line.String("out") ?? "bench-results",
            CatalogDirectory: line.String("catalog"));
        line.EnsureAllRead();
        return options;
    }
}
