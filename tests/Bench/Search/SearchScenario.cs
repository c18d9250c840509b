using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using TicketMaster.Bench.Harness;

namespace TicketMaster.Bench.Search;

/// <summary>
/// Search latency through the real Api over HTTP (GraphQL, Lucene, the event DataLoader on SQLite):
/// a mix of plain, misspelt, filtered, geo and empty searches plus suggestions, each asking for the
/// hits' events, highlights and the facets. Target: p99 under 50 ms.
/// </summary>
public static class SearchScenario
{
    private const double TargetP99Ms = 50;

    private const string SearchQuery = """
        query($term: String, $where: SearchEventsFilterInput, $order: SearchEventsOrder) {
          searchEvents(term: $term, where: $where, order: $order, first: 10) {
            totalCount
            nodes { score highlights { field fragments } event { id name startsAt venue { name city } } }
            facets { categories { value count } cities { value count } months { value count } }
          }
        }
        """;

    private const string SuggestQuery = "query($prefix: String!) { suggestEvents(prefix: $prefix, limit: 5) { text } }";

    public static async Task<int> RunAsync(CommandLine line)
    {
        var options = SearchBenchOptions.From(line, freshness: false);
        var started = DateTime.UtcNow;
        SearchCatalogSetup.Log($"search: size {options.Size}, {options.Events:N0} events, {options.Requests:N0} requests after {options.Warmup} warm-up, concurrency {options.Concurrency}; load average {SearchCatalogSetup.LoadAverage()}");
        using var setup = await SearchCatalogSetup.PrepareAsync(options);
        var workload = await SearchWorkload.CreateAsync(setup.ConnectionString, options.Seed);

        using var http = GraphQLClient.CreateHttpClient(setup.Api.BaseAddress, options.Concurrency);
        var client = new GraphQLClient(http);
        await RunAsync(client, workload.Take(options.Warmup).ToList(), options.Concurrency, new Latencies(), new Latencies(), [], []);

        var loadBefore = SearchCatalogSetup.LoadAverage();
        var (searches, suggestions, errors) = (new Latencies(), new Latencies(), new Dictionary<string, int>());
        var byKind = workload.Select(c => c.Kind).Distinct().ToDictionary(kind => kind, _ => new Latencies());
        CpuUsage.Api = setup.Api.Process;
        var cpuUsage = CpuUsage.Start();
        var stopwatch = Stopwatch.StartNew();
        await RunAsync(client, workload.Skip(options.Warmup).Take(options.Requests).ToList(), options.Concurrency, searches, suggestions, byKind, errors);
        var wall = stopwatch.Elapsed.TotalSeconds;
        var cpu = cpuUsage.Stop(wall);
        var search = searches.Summarize();
        var suggest = suggestions.Summarize();
        var kinds = byKind.ToDictionary(k => k.Key, k => k.Value.Summarize());

        var summary = new
        {
            scenario = "search",
            startedAt = started,
            options,
            machine = new { cores = Environment.ProcessorCount, os = RuntimeInformation.OSDescription, runtime = RuntimeInformation.FrameworkDescription, loadAverageBefore = loadBefore, loadAverageAfter = SearchCatalogSetup.LoadAverage() },
            searchableEvents = setup.SearchableEvents,
            seedSeconds = Math.Round(setup.SeedSeconds, 1),
            indexBuildSeconds = Math.Round(setup.IndexSeconds, 1),
            wallSeconds = Math.Round(wall, 2),
            requestsPerSecond = Math.Round((search.Count + suggest.Count) / wall, 1),
            cpu,

            // What a request costs the Api in CPU, whoever else is using the machine.
            apiCpuMsPerRequest = Math.Round(cpu.ApiCores * wall * 1000 / Math.Max(1, search.Count + suggest.Count), 2),
            search,
            suggest,
            byKind = kinds,
            errors,
            target = new { p99UnderMs = TargetP99Ms, met = search.P99Ms < TargetP99Ms && suggest.P99Ms < TargetP99Ms },
        };
        Console.WriteLine();
        Console.WriteLine($"== search: {setup.SearchableEvents:N0} searchable events (Lucene), concurrency {options.Concurrency} ==");
        Console.WriteLine($"index built from the database in {setup.IndexSeconds:0.0} s (after {setup.SeedSeconds:0.0} s of seeding)");
        Console.WriteLine($"searchEvents  n={search.Count,5}  ms p50/p95/p99/max {search.P50Ms}/{search.P95Ms}/{search.P99Ms}/{search.MaxMs}");
        Console.WriteLine($"suggestEvents n={suggest.Count,5}  ms p50/p95/p99/max {suggest.P50Ms}/{suggest.P95Ms}/{suggest.P99Ms}/{suggest.MaxMs}");
        foreach (var (kind, latencies) in kinds)
        {
            Console.WriteLine($"  {kind,-18} n={latencies.Count,5}  ms p50/p95/p99 {latencies.P50Ms}/{latencies.P95Ms}/{latencies.P99Ms}");
        }

        Console.WriteLine($"Api CPU per request {summary.apiCpuMsPerRequest} ms; cores busy api/bench/other {cpu.ApiCores:0.00}/{cpu.BenchCores:0.00}/{cpu.OtherCores:0.00}");
        Console.WriteLine($"{summary.requestsPerSecond} requests/s; errors: {(errors.Count == 0 ? "none" : string.Join(", ", errors.Select(e => $"{e.Key} × {e.Value}")))}");
        Console.WriteLine($"load average before/after: {loadBefore} / {summary.machine.loadAverageAfter} on {Environment.ProcessorCount} cores");
        Console.WriteLine($"{(summary.target.met ? "MET   " : "MISSED")} search and suggest p99 < {TargetP99Ms} ms");
        Console.WriteLine($"JSON summary: {await WriteJsonAsync(summary, options.OutputDirectory, "search", started)}");
        return errors.Count > 0 ? 1 : 0;
    }

    public static async Task<string> WriteJsonAsync(object summary, string directory, string scenario, DateTime started)
    {
        System.IO.Directory.CreateDirectory(directory);
        var path = Path.GetFullPath(Path.Combine(directory, $"{scenario}-{started:yyyyMMdd-HHmmss}.json"));
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    private static async Task RunAsync(
        GraphQLClient client, IReadOnlyList<SearchCase> cases, int concurrency, Latencies searches, Latencies suggestions, Dictionary<string, Latencies> byKind, Dictionary<string, int> errors)
    {
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (request, token) =>
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                await client.SendAsync(request.Prefix is null ? SearchQuery : SuggestQuery, request.Variables, null, data => data.ValueKind, token);
                (request.Prefix is null ? searches : suggestions).Add(start);
                byKind.GetValueOrDefault(request.Kind)?.Add(start);
            }
            catch (GraphQLRequestException e)
            {
                lock (errors)
                {
                    errors[e.Kind] = errors.GetValueOrDefault(e.Kind) + 1;
                }
            }
        });
    }
}
