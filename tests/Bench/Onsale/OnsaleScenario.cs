using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using TicketMaster.Testing;
using TicketMaster.Api.Users;
using TicketMaster.Bench.Harness;

namespace TicketMaster.Bench.Onsale;

/// <summary>
/// A hot on-sale: N buyers log in, then all at once reserve 1–4 adjacent seats (mostly the same few
/// good sections) and confirm, through the real Api over HTTP. Then the same reserve workload
/// alone through the Api, and through raw SQL as the baseline, each on an event of its own.
/// Finally the database is checked for seats sold twice.
/// </summary>
public static class OnsaleScenario
{
    public const string Purchase = "purchase";
    public const string ReserveOnly = "reserve-only";
    public const string UseCase = "use-case-ef";
    public const string Baseline = "baseline-sql";
    public const string BaselinePurchase = "baseline-buy";
    private const string WarmupApi = "warmup-api";
    private const string WarmupBaseline = "warmup-sql";
    private const string WarmupUseCase = "warmup-ef";

    private const double TargetPurchasesPerSecond = 1_000;
    private const double TargetBaselineRatio = 0.5;

    public static async Task<int> RunAsync(CommandLine line)
    {
        var options = OnsaleOptions.From(line);
        var cancellation = CancellationToken.None;
        var started = DateTime.UtcNow;
        Log($"onsale: {options.Buyers:N0} buyers, {options.Seats:N0} seats, concurrency {options.Concurrency}, warm-up {options.Warmup}, seed {options.Seed}");

        using var server = await MariaDbServer.StartAsync(options.MySql, options.Durable);
        CpuUsage.Database = server.Process;
        var connectionString = await server.CreateDatabaseAsync($"tm_bench_{started:yyyyMMddHHmmss}");
        DatabaseWork.ConnectionString = connectionString;
        var pooled = new MySqlConnector.MySqlConnectionStringBuilder(connectionString) { MaximumPoolSize = (uint)Math.Max(100, options.Concurrency + 10) }.ConnectionString;
        Log($"database: {server.Description}");

        var venue = await SeedAsync(options, pooled, server.ServerVersion, cancellation);
        var picker = new SeatPicker(venue.SeatIds);

        using var api = await ApiServer.StartAsync(options.ApiDll, connectionString, server.ServerVersion);
        CpuUsage.Api = api.Process;
        Log($"api: {api.AssemblyPath} on {api.BaseAddress} (pid {api.Process.Id})");

        using var http = GraphQLClient.CreateHttpClient(api.BaseAddress, options.Concurrency);
        var booking = new ApiBooking(new GraphQLClient(http));
        var sdl = await http.GetStringAsync("graphql?sdl", cancellation);
        var missing = ApiBooking.RequiredFields.Where(field => !sdl.Contains(field, StringComparison.Ordinal)).Select(f => f.TrimEnd('(')).ToList();

        var phases = new List<PhaseResult>();
        FloorResult? floor = null;
        var loginSeconds = await IssueTokensAsync(booking, api.SigningKey, venue.Buyers, cancellation);
        if (missing.Count == 0)
        {
            if (options.Warmup > 0)
            {
                var warm = await new BuyerRun(WarmupApi, venue.Events[WarmupApi], picker, options.Seed + 1, options.RetryOnConflict, options.Concurrency)
                    .RunAsync(venue.Buyers.Take(options.Warmup).ToList(), booking.ReserveAsync, booking.ConfirmAsync, cancellation);
                Log($"warm-up through the Api: {warm.Confirmed} purchases in {warm.WallSeconds:0.00} s (not counted)");
            }

            floor = await MeasureFloorAsync(booking, venue.Buyers, options.Concurrency, cancellation);
            phases.Add(await RunPhaseAsync(new BuyerRun(Purchase, venue.Events[Purchase], picker, options.Seed, options.RetryOnConflict, options.Concurrency),
                venue.Buyers, booking.ReserveAsync, booking.ConfirmAsync));
        }
        else
        {
            Log($"the Api has no {string.Join(" or ", missing)} mutation yet: the Api phases are skipped, only the baseline runs");
        }

        var useCase = UseCaseReservation.For(pooled, server.ServerVersion);
        if (options.Warmup > 0)
        {
            await new BuyerRun(WarmupUseCase, venue.Events[WarmupUseCase], picker, options.Seed + 1, options.RetryOnConflict, options.Concurrency)
                .RunAsync(venue.Buyers.Take(options.Warmup).ToList(), useCase.ReserveAsync, null, cancellation);
        }

        phases.Add(await RunPhaseAsync(new BuyerRun(UseCase, venue.Events[UseCase], picker, options.Seed, options.RetryOnConflict, options.Concurrency),
            venue.Buyers, useCase.ReserveAsync, null));

        var raw = new RawSqlReservation(pooled);
        if (options.Warmup > 0)
        {
            await new BuyerRun(WarmupBaseline, venue.Events[WarmupBaseline], picker, options.Seed + 1, options.RetryOnConflict, options.Concurrency)
                .RunAsync(venue.Buyers.Take(options.Warmup).ToList(), raw.ReserveAsync, null, cancellation);
        }

        // The ratio's two sides alternate, each pair close in time: this VM's speed drifts between runs.
        for (var round = 1; round <= options.Rounds; round++)
        {
            if (missing.Count == 0)
            {
                var reserveOnly = RoundName(ReserveOnly, round);
                phases.Add(await RunPhaseAsync(new BuyerRun(reserveOnly, venue.Events[reserveOnly], picker, options.Seed, options.RetryOnConflict, options.Concurrency),
                    venue.Buyers, booking.ReserveAsync, null));
            }

            var baseline = RoundName(Baseline, round);
            phases.Add(await RunPhaseAsync(new BuyerRun(baseline, venue.Events[baseline], picker, options.Seed, options.RetryOnConflict, options.Concurrency),
                venue.Buyers, raw.ReserveAsync, null));
        }

        // The purchase ceiling: reserve and confirm by hand, no Api (the 1,000 purchases/s target's yardstick).
        phases.Add(await RunPhaseAsync(new BuyerRun(BaselinePurchase, venue.Events[BaselinePurchase], picker, options.Seed, options.RetryOnConflict, options.Concurrency),
            venue.Buyers, raw.ReserveAsync, new RawSqlConfirmation(pooled).ConfirmAsync));

        var integrity = await IntegrityCheck.RunAsync(connectionString, cancellation);
        var summary = Summarize(options, server, started, loginSeconds, missing, floor, phases, integrity, raw.Retries);
        OnsaleReport.Print(summary, Console.Out);
        var file = await BenchOutput.WriteJsonAsync(summary, "onsale", summary.StartedAt, options.OutputDirectory);
        Console.WriteLine($"JSON summary: {file}");

        return integrity.OversoldSeats > 0 || !integrity.IsConsistent ? 1 : missing.Count > 0 ? 3 : 0;
    }

    /// <summary>The first round keeps the phase's plain name.</summary>
    private static string RoundName(string phase, int round) => round == 1 ? phase : $"{phase} {round}";

    private static async Task<PhaseResult> RunPhaseAsync(BuyerRun run, IReadOnlyList<Buyer> buyers, Reserve reserve, Confirm? confirm)
    {
        var settled = await CpuUsage.WaitUntilQuietAsync(TimeSpan.FromSeconds(15));
        var result = await run.RunAsync(buyers, reserve, confirm, CancellationToken.None);
        Log($"{result.Name}: {result.Holds:N0} holds, {result.Confirmed?.ToString("N0", CultureInfo.InvariantCulture) ?? "-"} purchases, "
            + $"{result.Conflicts:N0} conflicts in {result.WallSeconds:0.00} s (after {settled.TotalSeconds:0.0} s for the Api and MariaDB to go quiet)");
        return result;
    }

    /// <summary>
    /// The same number of requests as buyers, but <c>{ __typename }</c>: what HTTP, authentication and
    /// GraphQL cost before any booking work, at the same concurrency.
    /// </summary>
    private static async Task<FloorResult> MeasureFloorAsync(ApiBooking booking, IReadOnlyList<Buyer> buyers, int concurrency, CancellationToken cancellationToken)
    {
        var latencies = new Latencies();
        var cpu = CpuUsage.Start();
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(buyers, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (buyer, token) =>
        {
            var request = Stopwatch.GetTimestamp();
            await booking.FloorAsync(buyer, token);
            latencies.Add(request);
        });
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var result = new FloorResult(buyers.Count, Math.Round(wall, 3), Math.Round(buyers.Count / wall, 1), latencies.Summarize(), cpu.Stop(wall));
        Log($"floor ({ApiBooking.FloorQuery}): {result.RequestsPerSecond:0} requests/s");
        return result;
    }

    private static async Task<OnsaleVenue> SeedAsync(OnsaleOptions options, string connectionString, string serverVersion, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var rounds = Enumerable.Range(1, options.Rounds).SelectMany(round => new[] { RoundName(ReserveOnly, round), RoundName(Baseline, round) });
        var venue = await OnsaleVenue.CreateAsync(
            connectionString, serverVersion, options.Buyers, options.Seats, [Purchase, UseCase, BaselinePurchase, WarmupApi, WarmupUseCase, WarmupBaseline, .. rounds], cancellationToken);
        Log($"seeded {venue.Buyers.Count:N0} buyers, {venue.SeatCount:N0} seats, {venue.Events.Count} events × {venue.SeatCount:N0} inventory rows in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        return venue;
    }

    /// <summary>
    /// A few buyers sign in over HTTP (the real path, proving the accounts work); the rest get their
    /// bearer token from the Api's own <see cref="AccessTokens"/> with the Api's signing key, because
    /// PBKDF2 at Identity's default cost makes 2,000 logins take minutes and logging in is no phase.
    /// </summary>
    private static async Task<double> IssueTokensAsync(ApiBooking booking, string signingKey, IReadOnlyList<Buyer> buyers, CancellationToken cancellationToken)
    {
        const int LoggedInOverHttp = 8;
        var stopwatch = Stopwatch.StartNew();
        foreach (var buyer in buyers.Take(LoggedInOverHttp))
        {
            buyer.AccessToken = await booking.LogInAsync(buyer, cancellationToken)
                ?? throw new InvalidOperationException($"{buyer.Email} could not log in.");
        }

        var tokens = new AccessTokens(new AuthOptions { SigningKey = signingKey }, TimeProvider.System, new ConfiguredAccessTokenKey(new AuthOptions { SigningKey = signingKey }));
        foreach (var buyer in buyers.Skip(LoggedInOverHttp))
        {
            buyer.AccessToken = tokens.Issue(buyer.Account).Token;
        }

        Log($"{Math.Min(LoggedInOverHttp, buyers.Count)} buyers logged in over HTTP, {Math.Max(0, buyers.Count - LoggedInOverHttp):N0} tokens issued, in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        return Math.Round(stopwatch.Elapsed.TotalSeconds, 1);
    }

    private static OnsaleSummary Summarize(
        OnsaleOptions options, MariaDbServer server, DateTime started, double loginSeconds, IReadOnlyList<string> missing,
        FloorResult? floor, IReadOnlyList<PhaseResult> phases, IntegrityResult integrity, int baselineRetries)
    {
        var purchase = phases.SingleOrDefault(p => p.Name == Purchase);
        var roundRatios = Enumerable.Range(1, options.Rounds)
            .Select(round => (Api: phases.SingleOrDefault(p => p.Name == RoundName(ReserveOnly, round)), Sql: phases.Single(p => p.Name == RoundName(Baseline, round))))
            .Where(pair => pair.Api is not null && pair.Sql.ReserveCallsPerSecond > 0)
            .Select(pair => Math.Round(pair.Api!.ReserveCallsPerSecond / pair.Sql.ReserveCallsPerSecond, 3))
            .ToList();
        double? ratio = roundRatios.Count == 0 ? null : Median(roundRatios);
        var ordersInDatabase = purchase is null ? (int?)null : integrity.Events.Single(e => e.EventId == purchase.EventId).Orders;

        var targets = new List<TargetResult>
        {
            new("confirmed purchases/s ≥ 1,000", purchase?.ConfirmedPerSecond, purchase is null ? null : purchase.ConfirmedPerSecond >= TargetPurchasesPerSecond),
            new("API reserve/s ≥ 0.5 × raw-SQL baseline", ratio, ratio is null ? null : ratio >= TargetBaselineRatio),
            new("oversold seats = 0", integrity.OversoldSeats, integrity.OversoldSeats == 0),
        };

        return new OnsaleSummary(
            "onsale",
            started,
            options,
            new MachineInfo(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, server.ServerVersion, server.Description, BenchOutput.GitCommit()),
            loginSeconds,
            missing.Count == 0 ? null : $"the Api has no {string.Join(" or ", missing)} mutation",
            floor,
            phases,
            baselineRetries,
            ratio,
            roundRatios,
            ordersInDatabase,
            integrity,
            targets);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : Math.Round((sorted[middle - 1] + sorted[middle]) / 2, 3);
    }

    private static void Log(string message) => BenchOutput.Log(message);
}

public sealed record FloorResult(int Requests, double WallSeconds, double RequestsPerSecond, LatencySummary Latency, CpuUsage.Report Cpu);

public sealed record MachineInfo(int Cores, string Os, string Runtime, string DatabaseVersion, string Database, string? Commit);

/// <param name="Met">Null when the figure could not be measured.</param>
public sealed record TargetResult(string Target, double? Measured, bool? Met);

public sealed record OnsaleSummary(
    string Scenario,
    DateTime StartedAt,
    OnsaleOptions Options,
    MachineInfo Machine,
    double LoginSeconds,
    string? ApiPhasesSkipped,
    FloorResult? Floor,
    IReadOnlyList<PhaseResult> Phases,
    int BaselineDeadlockRetries,
    double? ReserveRatioApiToBaseline,
    IReadOnlyList<double> RoundRatios,
    int? OrdersInDatabase,
    IntegrityResult Integrity,
    IReadOnlyList<TargetResult> Targets);
