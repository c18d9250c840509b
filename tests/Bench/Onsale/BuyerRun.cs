using System.Collections.Concurrent;
using System.Diagnostics;
using TicketMaster.Bench.Harness;

namespace TicketMaster.Bench.Onsale;

public enum ReserveResult
{
    Held,
    Conflict,
    Failed,
}

/// <param name="ReservationId">The hold, when <see cref="Result"/> is Held.</param>
/// <param name="Error">What went wrong, when Failed: a GraphQL error type name, an HTTP status, an exception.</param>
public readonly record struct ReserveOutcome(ReserveResult Result, string? ReservationId = null, string? Error = null);

public readonly record struct ConfirmOutcome(bool Confirmed, int Tickets, string? Error = null);

/// <summary>Reserves seats for a buyer on an event; an API client or raw SQL.</summary>
public delegate Task<ReserveOutcome> Reserve(Buyer buyer, int eventId, int[] seatIds, CancellationToken cancellationToken);

/// <summary>Confirms a held reservation.</summary>
public delegate Task<ConfirmOutcome> Confirm(Buyer buyer, string reservationId, CancellationToken cancellationToken);

/// <summary>
/// Runs every buyer once through reserve (then confirm, when given), at most
/// <c>concurrency</c> buyers in flight, and counts what happened.
/// </summary>
public sealed class BuyerRun(string name, int eventId, SeatPicker picker, int seed, bool retryOnConflict, int concurrency)
{
    private readonly Latencies _reserveLatency = new();
    private readonly Latencies _confirmLatency = new();
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private int _reserveCalls;
    private int _holds;
    private int _conflicts;
    private int _gaveUp;
    private int _confirmed;
    private int _ticketsIssued;

    public async Task<PhaseResult> RunAsync(IReadOnlyList<Buyer> buyers, Reserve reserve, Confirm? confirm, CancellationToken cancellationToken)
    {
        var cpu = CpuUsage.Start();
        var database = await DatabaseWork.StartAsync();
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(
            buyers,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (buyer, token) =>
            {
                try
                {
                    await BuyAsync(buyer, reserve, confirm, token);
                }
                catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    CountError(e is GraphQLRequestException request ? request.Kind : $"exception:{e.GetType().Name}");
                }
            });
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpuUsed = cpu.Stop(wall);

        return new PhaseResult(
            name, eventId, buyers.Count, concurrency, Math.Round(wall, 3),
            _reserveCalls, _holds, _conflicts, _gaveUp,
            confirm is null ? null : _confirmed, confirm is null ? null : _ticketsIssued,
            _reserveLatency.Summarize(), confirm is null ? null : _confirmLatency.Summarize(),
            new SortedDictionary<string, int>(_errors), cpuUsed, await database.StopAsync());
    }

    private async Task BuyAsync(Buyer buyer, Reserve reserve, Confirm? confirm, CancellationToken cancellationToken)
    {
        var random = SeatPicker.RandomFor(seed, buyer.Index);
        for (var attempt = 1; attempt <= (retryOnConflict ? 2 : 1); attempt++)
        {
            var seats = picker.Pick(random);
            var started = Stopwatch.GetTimestamp();
            var outcome = await reserve(buyer, eventId, seats, cancellationToken);
            _reserveLatency.Add(started);
            Interlocked.Increment(ref _reserveCalls);
            switch (outcome.Result)
            {
                case ReserveResult.Conflict:
                    Interlocked.Increment(ref _conflicts);
                    continue;
                case ReserveResult.Failed:
                    CountError($"reserve:{outcome.Error}");
                    return;
            }

            Interlocked.Increment(ref _holds);
            if (confirm is null)
            {
                return;
            }

            started = Stopwatch.GetTimestamp();
            var confirmed = await confirm(buyer, outcome.ReservationId!, cancellationToken);
            _confirmLatency.Add(started);
            if (confirmed.Confirmed)
            {
                Interlocked.Increment(ref _confirmed);
                Interlocked.Add(ref _ticketsIssued, confirmed.Tickets);
            }
            else
            {
                CountError($"confirm:{confirmed.Error}");
            }

            return;
        }

        Interlocked.Increment(ref _gaveUp);
    }

    private void CountError(string kind) => _errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
}

/// <summary>One phase's figures. Rates are over the phase's wall time, first request to last answer.</summary>
public sealed record PhaseResult(
    string Name,
    int EventId,
    int Buyers,
    int Concurrency,
    double WallSeconds,
    int ReserveCalls,
    int Holds,
    int Conflicts,
    int BuyersWithoutSeats,
    int? Confirmed,
    int? TicketsIssued,
    LatencySummary Reserve,
    LatencySummary? Confirm,
    IReadOnlyDictionary<string, int> Errors,
    CpuUsage.Report Cpu,
    DatabaseWork.Report? Database)
{
    public double ReserveCallsPerSecond => Rate(ReserveCalls);

    /// <summary>Reserve and confirm calls: the requests the database work is divided by.</summary>
    public int Calls => ReserveCalls + (Confirmed ?? 0);

    public double HoldsPerSecond => Rate(Holds);

    public double? ConfirmedPerSecond => Confirmed is { } confirmed ? Rate(confirmed) : null;

    private double Rate(int count) => WallSeconds > 0 ? Math.Round(count / WallSeconds, 1) : 0;
}
