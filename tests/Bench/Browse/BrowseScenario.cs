using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using TicketMaster.Bench.Harness;
using TicketMaster.Persistence;
using TicketMaster.Testing;

namespace TicketMaster.Bench.Browse;

/// <summary>
/// The read path (issue #17): the floor (<c>{ __typename }</c>), the event list page, an event page and a
/// search page, each hammered for a fixed time by <c>--concurrency</c> GET clients against the real Api
/// process on the small demo data, without and with the Api's response cache, on SQLite and MariaDB.
/// Rate limits are off (<see cref="ApiServer"/>): one address sends everything here.
/// </summary>
public static class BrowseScenario
{
    public const string Usage = "browse [--provider sqlite|mysql|both] [--seconds 10] [--warmup 3] [--concurrency 32] [--api-dll path]";

    public static async Task<int> RunAsync(CommandLine line)
    {
        var providers = line.String("provider") switch
        {
            "sqlite" => new[] { DatabaseProvider.Sqlite },
            "mysql" => [DatabaseProvider.MySql],
            _ => [DatabaseProvider.Sqlite, DatabaseProvider.MySql],
        };
        var (seconds, warmup, concurrency) = (line.Int("seconds", 10, 1), line.Int("warmup", 3, 0), line.Int("concurrency", 32, 1));
        var apiDll = line.String("api-dll");
        line.EnsureAllRead();

        Console.WriteLine($"browse: {seconds} s per page after {warmup} s warm-up, {concurrency} concurrent GETs, small demo data");
        Console.WriteLine("| database | response cache | page | requests/s | p50 ms | p99 ms | failed |");
        Console.WriteLine("| --- | --- | --- | ---: | ---: | ---: | ---: |");
        var failed = 0;
        foreach (var provider in providers)
        {
            await using var database = await TestDatabase.CreateEmptyAsync(provider, "bench_browse");
            var index = Directory.CreateTempSubdirectory("tm-bench-index-").FullName;
            try
            {
                foreach (var cached in new[] { false, true })
                {
                    failed += await RunApiAsync(provider, database, index, cached, apiDll, seconds, warmup, concurrency);
                }
            }
            finally
            {
                Directory.Delete(index, recursive: true);
            }
        }

        return failed == 0 ? 0 : 1;
    }

    private static async Task<int> RunApiAsync(DatabaseProvider provider, TestDatabase database, string index, bool cached, string? apiDll, int seconds, int warmup, int concurrency)
    {
        // The first Api seeds the demo data into the empty database, as `dotnet run` does; the second finds it there.
        using var api = await ApiServer.StartAsync(apiDll, new Dictionary<string, string>
        {
            ["Database__Provider"] = provider.ToString(),
            ["Database__ServerVersion"] = database.Options.ServerVersion ?? "",
            ["ConnectionStrings__TicketMaster"] = database.ConnectionString,
            ["DemoData__Size"] = "Small",
            ["Search__IndexPath"] = index,
            ["GraphQL__ResponseCache__Enabled"] = cached ? "true" : "false",
        });
        using var http = GraphQLClient.CreateHttpClient(api.BaseAddress, concurrency);
        var list = await ReadAsync(http, BrowsePages.Get(BrowsePages.List));
        var first = list.GetProperty("events").GetProperty("nodes")[0];
        var eventId = first.GetProperty("id").GetString()!;
        var term = first.GetProperty("name").GetString()!.Split(' ')[0];
        await UntilSearchFindsAsync(http, term);

        var pages = new (string Name, string Path)[]
        {
            ("floor `{ __typename }`", BrowsePages.Get(BrowsePages.Floor)),
            ("list page", BrowsePages.Get(BrowsePages.List)),
            ("event page", BrowsePages.Get(BrowsePages.Event, new { id = eventId })),
            ("search page", BrowsePages.Get(BrowsePages.Search, new { term })),
        };
        var failed = 0;
        foreach (var (name, path) in pages)
        {
            await HammerAsync(http, path, TimeSpan.FromSeconds(warmup), concurrency);
            var (latencies, failures, elapsed) = await HammerAsync(http, path, TimeSpan.FromSeconds(seconds), concurrency);
            var summary = latencies.Summarize();
            failed += failures;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {(provider == DatabaseProvider.MySql ? "MariaDB" : "SQLite")} | {(cached ? "on" : "off")} | {name} | {summary.Count / elapsed.TotalSeconds:N0} | {summary.P50Ms:0.0} | {summary.P99Ms:0.0} | {failures} |"));
        }

        return failed;
    }

    /// <summary>Requests for <paramref name="duration"/>; an answer that is not 200 or carries errors is a failure.</summary>
    private static async Task<(Latencies Latencies, int Failures, TimeSpan Elapsed)> HammerAsync(HttpClient http, string path, TimeSpan duration, int concurrency)
    {
        var latencies = new Latencies();
        var failures = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var buffer = new byte[64 * 1024];
            while (watch.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
                await using var body = await response.Content.ReadAsStreamAsync();
                var head = await body.ReadAsync(buffer);
                while (await body.ReadAsync(buffer) > 0)
                {
                }

                latencies.Add(start);
                if (!response.IsSuccessStatusCode || System.Text.Encoding.UTF8.GetString(buffer, 0, Math.Min(head, 12)).StartsWith("{\"errors\"", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        return (latencies, failures, watch.Elapsed);
    }

    private static async Task<JsonElement> ReadAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode || body.TryGetProperty("errors", out _))
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {body}");
        }

        return body.GetProperty("data").Clone();
    }

    /// <summary>The in-process indexer fills a fresh index after start; the search page is measured once it finds something.</summary>
    private static async Task UntilSearchFindsAsync(HttpClient http, string term)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var data = await ReadAsync(http, BrowsePages.Get(BrowsePages.Search, new { term }));
            if (data.GetProperty("searchEvents").GetProperty("totalCount").GetInt32() > 0)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"searchEvents(term: \"{term}\") found nothing within 2 minutes");
    }
}
