using System.Text;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Orders;
using TicketMaster.Payments;
using TicketMaster.Persistence;
using Xunit.Abstractions;

namespace TicketMaster.Domain.Tests.Booking;

/// <summary>
/// Random sequences of reserve / confirm / release / expire / time passing, run against the real
/// use cases and against <see cref="BookingModel"/>; every outcome and, at the end, the whole
/// state must agree. Three buyers on twelve seats, so holds collide, lapse and get taken over.
/// </summary>
public sealed class BookingModelTests(ITestOutputHelper output)
{
    private const int Buyers = 3;
    private const int Rows = 2;
    private const int SeatsPerRow = 3;

    // The test venue has two sections of Rows × SeatsPerRow.
    private const int Seats = 2 * Rows * SeatsPerRow;

    /// <summary>
    /// Most of a second per sequence on MariaDB, so few; CsCheck_Iter (say 500) runs more, e.g.
    /// overnight. A failure prints its seed: set CsCheck_Seed to replay it.
    /// </summary>
    private static long Iterations => Environment.GetEnvironmentVariable("CsCheck_Iter") is null ? 30 : Check.Iter;

    private static readonly Gen<int> ActorOffset = Gen.Frequency((5, Gen.Const(0)), (1, Gen.Int[1, Buyers - 1]));

    private static readonly Gen<int> HoldPick = Gen.Frequency((3, Gen.Const(0)), (2, Gen.Int[1, 4]));

    // Mostly small reservations so they collide; sometimes big ones, a few over the per-reservation limit.
    private static readonly Gen<int[]> SeatChoice = Gen.Frequency(
        (10, Gen.Int[0, Seats - 1].ArrayUnique[1, 3]),
        (1, Gen.Int[0, Seats - 1].ArrayUnique[6, 10]));

    private static readonly Gen<BookingStep> Step = Gen.Frequency<BookingStep>(
        (6, from buyer in Gen.Int[0, Buyers - 1] from seats in SeatChoice select (BookingStep)new BookingStep.Reserve(buyer, seats)),
        (4, from pick in HoldPick from actor in ActorOffset from declined in Gen.Int[0, 3] select (BookingStep)new BookingStep.Confirm(pick, actor, declined == 0)),
        (2, from pick in HoldPick from actor in ActorOffset select (BookingStep)new BookingStep.Release(pick, actor)),
        (1, Gen.Const<BookingStep>(new BookingStep.Expire())),
        (2, Gen.Int[1, 12].Select(minutes => (BookingStep)new BookingStep.Advance(minutes))));

    private static readonly Gen<BookingStep[]> Sequences = Step.Array[20, 60];

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task Random_reserve_confirm_release_and_expire_sequences_do_what_the_booking_model_predicts(DatabaseProvider provider)
    {
        // One scenario (one database) serves every sequence, reset in between, so the time goes
        // on bookings rather than on creating schemas.
        await using var scenario = await BookingScenario.CreateAsync(provider, "model", buyers: Buyers, rows: Rows, seatsPerRow: SeatsPerRow);
        Assert.Equal(Seats, scenario.SeatIds.Count);

        // One thread: the sequences share the scenario's database and clock.
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        BookingStep[]? shortestFailure = null;
        try
        {
            await Sequences.SampleAsync(
                async steps =>
                {
                    try
                    {
                        await RunAsync(scenario, steps, outcomes);
                    }
                    catch (ModelMismatchException e)
                    {
                        shortestFailure = shortestFailure is null || e.Steps.Length < shortestFailure.Length ? e.Steps : shortestFailure;
                        throw;
                    }
                },
                output.WriteLine, iter: Iterations, threads: 1, print: Print);
        }
        catch (CsCheckException e) when (shortestFailure is not null)
        {
            // CsCheck shrinks by sampling smaller sequences, which a few dozen iterations rarely
            // find for a stateful bug; dropping steps one at a time from the failure is cheap and
            // leaves only the steps that matter.
            var minimal = await MinimizeAsync(scenario, shortestFailure);
            throw new ModelMismatchException($"{e.Message}\n\nMinimized to {minimal.Steps.Length} steps:\n{minimal.Message}", minimal.Steps, e);
        }

        // Shows that the interesting cases (lapsed holds, limits, declines, races for a seat) were reached.
        output.WriteLine(string.Join("\n", outcomes.Select(o => $"{o.Value,5} × {o.Key}")));
    }

    private static async Task RunAsync(BookingScenario scenario, BookingStep[] steps, IDictionary<string, int> outcomes)
    {
        await scenario.ResetBookingsAsync();
        var model = new BookingModel(Buyers, Seats, scenario.Options, scenario.Clock.GetUtcNow().UtcDateTime);
        var run = new Run(scenario, model);
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            string resolved, expected, actual;
            try
            {
                (resolved, expected, actual) = await run.ApplyAsync(step);
            }
            catch (Exception e)
            {
                throw new ModelMismatchException($"The last step threw {e.GetType().Name}: {e.Message}\n{run.Trace}  {step}", steps[..(i + 1)], e);
            }

            run.Trace.AppendLine($"  {$"{step}{resolved}",-72} model: {expected,-30} real: {actual}");
            var kind = Tally(step, resolved, expected);
            outcomes[kind] = outcomes.TryGetValue(kind, out var count) ? count + 1 : 1;
            if (expected != actual)
            {
                throw new ModelMismatchException($"The real use case did not do what the model predicts at the last step:\n{run.Trace}", steps[..(i + 1)]);
            }
        }

        var expectedState = model.Describe();
        var actualState = await run.DescribeDatabaseAsync();
        if (!expectedState.SequenceEqual(actualState))
        {
            var differences = expectedState.Except(actualState).Select(line => $"  model: {line}")
                .Concat(actualState.Except(expectedState).Select(line => $"  real:  {line}"));
            throw new ModelMismatchException(
                $"After the sequence the database differs from the model:\n{string.Join("\n", differences)}\nSteps:\n{run.Trace}", steps);
        }
    }

    /// <summary>Drops steps one at a time, last first, keeping every drop after which the sequence still fails.</summary>
    private static async Task<ModelMismatchException> MinimizeAsync(BookingScenario scenario, BookingStep[] failing)
    {
        var failure = await FailureOfAsync(scenario, failing)
            ?? new ModelMismatchException("The failing sequence passed when run again; is the failure timing-dependent?", failing);
        for (var i = failure.Steps.Length - 1; i >= 0; i--)
        {
            var candidate = failure.Steps.Where((_, j) => j != i).ToArray();
            if (await FailureOfAsync(scenario, candidate) is { } smaller)
            {
                failure = smaller;
                i = Math.Min(i, failure.Steps.Length);
            }
        }

        return failure;
    }

    private static async Task<ModelMismatchException?> FailureOfAsync(BookingScenario scenario, BookingStep[] steps)
    {
        try
        {
            await RunAsync(scenario, steps, new Dictionary<string, int>());
            return null;
        }
        catch (ModelMismatchException e)
        {
            return e;
        }
    }

    /// <summary>The kind of case a step exercised, for the summary.</summary>
    private static string Tally(BookingStep step, string resolved, string expected) => step switch
    {
        BookingStep.Advance => "advance",
        BookingStep.Expire => expected == "ok, 0 expired" ? "expire: nothing to do" : "expire: ends lapsed holds",
        _ => $"{step.GetType().Name.ToLowerInvariant()}: {expected.Split(' ')[0]}{Where(resolved)}",
    };

    private static string Where(string resolved) => resolved.IndexOf(" at ", StringComparison.Ordinal) switch
    {
        < 0 => "",
        var at => resolved[at..],
    };

    private static string Print(BookingStep[] steps) =>
        $"{steps.Length} steps:\n" + string.Join("\n", steps.Select((step, i) => $"  {i + 1,2}. {step}"));

    /// <summary>One sequence in flight: the model, and the real ids of the holds and orders the model numbers.</summary>
    private sealed class Run(BookingScenario scenario, BookingModel model)
    {
        private readonly List<Guid> _holds = [];
        private readonly Dictionary<Guid, int> _orders = [];

        public StringBuilder Trace { get; } = new();

        /// <summary>Applies the step to both; returns what it resolved to (hold and buyer) and the two outcomes.</summary>
        public async Task<(string Resolved, string Expected, string Actual)> ApplyAsync(BookingStep step)
        {
            switch (step)
            {
                case BookingStep.Reserve reserve:
                {
                    var takesOver = model.HasLapsedHoldOn(reserve.Seats) ? " at a lapsed hold's seat" : "";
                    var expected = model.Reserve(reserve.Buyer, reserve.Seats);
                    var actual = await OutcomeAsync(async () =>
                    {
                        var hold = await scenario.ReserveAsync(scenario.Buyers[reserve.Buyer], reserve.Seats.Select(s => scenario.SeatIds[s]).ToArray());
                        _holds.Add(hold.Id);
                    });
                    return (takesOver, expected, actual);
                }

                case BookingStep.Confirm confirm:
                {
                    var hold = model.PickHold(confirm.HoldPick);
                    var buyer = model.Actor(hold, confirm.ActorOffset);
                    var expected = model.Confirm(buyer, hold, confirm.Declined);
                    var actual = await OutcomeAsync(async () =>
                    {
                        var token = confirm.Declined ? SimulatedPaymentGateway.Declining : "tok_visa";
                        var order = await scenario.ConfirmAsync(scenario.Buyers[buyer], HoldId(hold), token);
                        _orders[order.Id] = hold!.Value;
                    });
                    return (Resolved(hold, buyer), expected, actual);
                }

                case BookingStep.Release release:
                {
                    var hold = model.PickHold(release.HoldPick);
                    var buyer = model.Actor(hold, release.ActorOffset);
                    var expected = model.Release(buyer, hold);
                    var actual = await OutcomeAsync(() => scenario.ReleaseAsync(scenario.Buyers[buyer], HoldId(hold)));
                    return (Resolved(hold, buyer), expected, actual);
                }

                case BookingStep.Expire:
                {
                    var expected = model.Expire();
                    var actual = $"ok, {await scenario.ExpireAsync()} expired";
                    return ("", expected, actual);
                }

                case BookingStep.Advance advance:
                    model.Advance(TimeSpan.FromMinutes(advance.Minutes));
                    scenario.Clock.Advance(TimeSpan.FromMinutes(advance.Minutes));
                    return ($" = minute {model.Elapsed.TotalMinutes}", "", "");

                default:
                    throw new ArgumentOutOfRangeException(nameof(step), step, null);
            }
        }

        /// <summary>The database in <see cref="BookingModel.Describe"/>'s words, holds and orders numbered as the model numbers them.</summary>
        public async Task<List<string>> DescribeDatabaseAsync()
        {
            var now = scenario.Clock.GetUtcNow().UtcDateTime;
            await using var db = scenario.Database.CreateContext();
            var seats = await db.EventSeats.AsNoTracking().Where(s => s.EventId == scenario.EventId).ToListAsync();
            var holds = await db.Holds.AsNoTracking().Where(h => h.EventId == scenario.EventId).ToDictionaryAsync(h => h.Id);
            var tickets = await db.Tickets.CountAsync(t => t.EventId == scenario.EventId && t.Status == TicketStatus.Valid);
            var payments = await db.Payments.Where(p => db.Holds.Any(h => h.Id == p.HoldId && h.EventId == scenario.EventId))
                .GroupBy(p => p.Status).ToDictionaryAsync(g => g.Key, g => g.Count());

            var lines = scenario.SeatIds.Select((seatId, index) => seats.Single(s => s.SeatId == seatId)).Select((seat, index) =>
                BookingModel.DescribeSeat(index, seat.Status, seat.StatusAt(now), seat.Status == SeatStatus.Sold ? OrderHold(seat.OrderId) : HoldIndex(seat.HoldId))).ToList();
            lines.AddRange(_holds.Select((id, index) => holds.TryGetValue(id, out var hold)
                ? BookingModel.DescribeHold(index, scenario.Buyers.ToList().IndexOf(hold.UserId), hold.Status)
                : $"hold #{index} is missing"));
            lines.AddRange(holds.Keys.Where(id => !_holds.Contains(id)).Select(id => $"hold {id} that no reservation returned"));
            lines.Add(BookingModel.DescribeTotals(
                tickets,
                payments.GetValueOrDefault(PaymentStatus.Fulfilled),
                payments.GetValueOrDefault(PaymentStatus.Declined),
                payments.Where(p => p.Key is not (PaymentStatus.Fulfilled or PaymentStatus.Declined)).Sum(p => p.Value)));
            return lines;
        }

        private async Task<string> OutcomeAsync(Func<Task> action)
        {
            try
            {
                await action();
                return "ok";
            }
            catch (SeatsUnavailableException e)
            {
                return $"{e.GetType().Name} [{string.Join(", ", e.SeatIds.Select(id => scenario.SeatIds.ToList().IndexOf(id)).Order())}]";
            }
            catch (DomainException e)
            {
                return e.GetType().Name;
            }
        }

        private Guid HoldId(int? hold) => hold is { } index ? _holds[index] : Guid.NewGuid();

        private int? HoldIndex(Guid? holdId) => holdId is { } id ? _holds.IndexOf(id) : null;

        private int? OrderHold(Guid? orderId) => orderId is { } id && _orders.TryGetValue(id, out var hold) ? hold : null;

        private string Resolved(int? hold, int buyer) =>
            $" = hold #{hold?.ToString() ?? "none"} by buyer {buyer}{(hold is { } h && model.Holds[h].ExpiresAt == model.Now ? " at its expiry" : "")}";
    }

    /// <summary>A disagreement with the model, with the steps up to and including the one that showed it.</summary>
    private sealed class ModelMismatchException(string message, BookingStep[] steps, Exception? inner = null) : Exception(message, inner)
    {
        public BookingStep[] Steps { get; } = steps;
    }
}
