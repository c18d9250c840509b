using System.Diagnostics;
using TicketMaster.Bench.Harness;
using TicketMaster.Indexer.Lucene;

namespace TicketMaster.Bench.Search;

/// <summary>
/// The search mix straight against the Lucene adapter, one at a time in this process: what each kind
/// of search costs the index alone (time and bytes allocated), without HTTP, GraphQL or SQLite. Runs on
/// a catalogue a <c>search --catalog</c> run left behind.
/// </summary>
public static class SearchProbe
{
    public const string Usage = """
        search-probe --catalog <dir> [--requests 2000] [--warmup 300] [--seed 1]
          --catalog      a folder a `search --catalog <dir>` run prepared (its database and index)
        """;

    public static async Task<int> RunAsync(CommandLine line)
    {
        var catalog = line.String("catalog") ?? throw new CommandLineException("--catalog is required");
        var requests = line.Int("requests", 2_000, min: 1);
        var warmup = line.Int("warmup", 300);
        var seed = line.Int("seed", 1);
        line.EnsureAllRead();

        var connectionString = $"Data Source={Path.Combine(catalog, "ticketmaster.db")}";
        var workload = await SearchWorkload.CreateAsync(connectionString, seed);
        using var index = new LuceneSearchIndex(Path.Combine(catalog, "search"));
        var now = DateTime.UtcNow;
        foreach (var warm in workload.Take(warmup))
        {
            await RunAsync(index, warm, now);
        }

        SearchCatalogSetup.Log($"search-probe: {requests:N0} requests after {warmup} warm-up, one at a time; load average {SearchCatalogSetup.LoadAverage()}");
        var byKind = new Dictionary<string, (Latencies Latencies, long Bytes)>();
        var stopwatch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var request in workload.Skip(warmup).Take(requests))
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            await RunAsync(index, request, now);
            var (latencies, total) = byKind.GetValueOrDefault(request.Kind, (new Latencies(), 0));
            latencies.Add(start);
            byKind[request.Kind] = (latencies, total + GC.GetAllocatedBytesForCurrentThread() - bytes);
        }

        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        foreach (var (kind, (latencies, bytes)) in byKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var summary = latencies.Summarize();
            Console.WriteLine($"  {kind,-18} n={summary.Count,5}  ms mean/p50/p95/p99 {summary.MeanMs:0.00}/{summary.P50Ms}/{summary.P95Ms}/{summary.P99Ms}  {bytes / summary.Count / 1024.0:0} KiB allocated each");
        }

        Console.WriteLine($"process CPU per request {cpuMs / requests:0.00} ms over {stopwatch.Elapsed.TotalSeconds:0.0} s; load average {SearchCatalogSetup.LoadAverage()}");
        return 0;
    }

    private static Task RunAsync(LuceneSearchIndex index, SearchCase request, DateTime now) => request.Search is { } search
        ? index.SearchAsync(search with { Now = now }, CancellationToken.None)
        : index.SuggestAsync(request.Prefix!, 5, now, CancellationToken.None);
}
