using System.Globalization;
using TicketMaster.Bench.Harness;

namespace TicketMaster.Bench.Onsale;

/// <summary>The human-readable report.</summary>
public static class OnsaleReport
{
    public static void Print(OnsaleSummary summary, TextWriter output)
    {
        var o = summary.Options;
        output.WriteLine();
        output.WriteLine($"== onsale: {o.Buyers:N0} buyers, {o.Seats:N0} seats, concurrency {o.Concurrency}, retry {(o.RetryOnConflict ? "once" : "off")}, "
            + $"{(o.Durable ? "durable commits" : "flush-log-at-trx-commit=2")} ==");
        output.WriteLine($"machine: {summary.Machine.Cores} cores, {summary.Machine.Os}, {summary.Machine.Runtime}, {summary.Machine.Database}, commit {summary.Machine.Commit ?? "?"}");
        if (summary.ApiPhasesSkipped is { } skipped)
        {
            output.WriteLine($"API PHASES SKIPPED: {skipped}");
        }

        output.WriteLine();
        output.WriteLine($"{"phase",-14} {"wall s",7} {"reserve/s",9} {"holds",6} {"confl.",6} {"no seat",7} {"bought",6} {"buy/s",7}  {"reserve ms p50/p95/p99",24}  {"confirm ms p50/p95/p99",24}  cpu api/db/bench/other steal");
        foreach (var p in summary.Phases)
        {
            output.WriteLine(
                $"{p.Name,-14} {p.WallSeconds,7:0.00} {p.ReserveCallsPerSecond,9:0.0} {p.Holds,6} {p.Conflicts,6} {p.BuyersWithoutSeats,7} "
                + $"{Dash(p.Confirmed),6} {Dash(p.ConfirmedPerSecond, "0.0"),7}  {Percentiles(p.Reserve),24}  {Percentiles(p.Confirm),24}  "
                + $"{p.Cpu.ApiCores:0.00}/{p.Cpu.DatabaseCores:0.00}/{p.Cpu.BenchCores:0.00}/{Dash(p.Cpu.OtherCores, "0.00")} {Dash(p.Cpu.StealCores, "0.00")}");
            if (p.Database is { } db && p.Calls > 0)
            {
                output.WriteLine($"{"",14} database per call: {(double)db.Statements / p.Calls:0.0} statements, {(double)db.RowsRead / p.Calls:0.0} rows read, "
                    + $"{(double)db.IndexLookups / p.Calls:0.0} index lookups, {(double)db.IndexReadsNext / p.Calls:0.0} index steps, {(double)db.PageReads / p.Calls:0.0} page reads");
            }

            if (p.Errors.Count > 0)
            {
                output.WriteLine($"{"",14} errors: {string.Join(", ", p.Errors.Select(e => $"{e.Key} × {e.Value}"))}");
            }
        }

        if (summary.Floor is { } floor)
        {
            output.WriteLine($"{"floor",-14} {floor.WallSeconds,7:0.00} {floor.RequestsPerSecond,9:0.0} requests/s of {{ __typename }} with a token, "
                + $"ms p50/p95/p99 {Percentiles(floor.Latency)}, cpu api/db/bench/other {floor.Cpu.ApiCores:0.00}/{floor.Cpu.DatabaseCores:0.00}/{floor.Cpu.BenchCores:0.00}/{Dash(floor.Cpu.OtherCores, "0.00")}");
        }

        output.WriteLine();
        output.WriteLine($"API reserve / raw-SQL reserve: {Dash(summary.ReserveRatioApiToBaseline, "0.000")}, the median of {summary.RoundRatios.Count} rounds "
            + $"({string.Join(", ", summary.RoundRatios.Select(r => r.ToString("0.000", CultureInfo.InvariantCulture)))}; reserve calls per second; baseline deadlock retries {summary.BaselineDeadlockRetries})");
        var integrity = summary.Integrity;
        output.WriteLine($"database: oversold seats {integrity.OversoldSeats}, sold seats without exactly one ticket {integrity.SoldWithoutTicket}, "
            + $"tickets not matching their seat {integrity.TicketsNotMatchingSeat}, seats in two active holds {integrity.DoubleHeldSeats}");
        var purchase = summary.Phases.SingleOrDefault(p => p.Name == OnsaleScenario.Purchase);
        if (purchase is not null)
        {
            var row = integrity.Events.Single(e => e.EventId == purchase.EventId);
            output.WriteLine($"purchase event: {row.SoldSeats} seats sold, {row.ValidTickets} valid tickets, {row.Orders} orders in the database vs "
                + $"{purchase.Confirmed} confirmations seen by buyers ({purchase.TicketsIssued} tickets)");
        }

        output.WriteLine();
        foreach (var target in summary.Targets)
        {
            output.WriteLine($"{(target.Met switch { true => "MET   ", false => "MISSED", null => "N/A   " })} {target.Target} (measured {Dash(target.Measured, "0.###")})");
        }
    }

    private static string Percentiles(LatencySummary? latency) =>
        latency is null || latency.Count == 0 ? "-" : $"{latency.P50Ms:0.0}/{latency.P95Ms:0.0}/{latency.P99Ms:0.0}";

    private static string Dash(int? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "-";

    private static string Dash(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";
}
