using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Live;
using TicketMaster.Persistence;

namespace TicketMaster.Domain.Tests.Booking;

/// <summary>
/// "An expired hold counts as free" and "a running hold" are each written once, as expressions
/// beside EventSeat and Hold: EF translates them to SQL on both providers, in-memory code runs them
/// compiled. The two must give the same answer, above all at the instant a hold expires.
/// </summary>
public sealed class RuleAgreementTests
{
    // Whole seconds: MariaDB keeps microseconds, so the expiry read back is the expiry written.
    private static readonly DateTime Expiry = new(2031, 5, 17, 20, 0, 0, DateTimeKind.Utc);

    public static TheoryData<DatabaseProvider, string> Instants()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.MySql })
        {
            foreach (var instant in new[] { "before expiry", "at expiry", "after expiry" })
            {
                data.Add(provider, instant);
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Instants))]
    public async Task Seat_availability_reads_the_same_in_SQL_and_in_memory(DatabaseProvider provider, string instant)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "seatrule", rows: 1, seatsPerRow: 3);
        var (held, sold) = (scenario.SeatIds[1], scenario.SeatIds[2]);
        await SetSeatAsync(scenario, held, SeatStatus.Held, Expiry);
        await SetSeatAsync(scenario, sold, SeatStatus.Sold, null);
        var now = At(instant);

        // The table: a hold expiring exactly now has run out.
        var heldSeen = instant == "before expiry" ? SeatStatus.Held : SeatStatus.Available;
        var expected = scenario.SeatIds.ToDictionary(id => id, _ => SeatStatus.Available);
        (expected[held], expected[sold]) = (heldSeen, SeatStatus.Sold);

        var translated = await scenario.QueryAsync(async db => new
        {
            Available = await db.EventSeats.Where(s => s.EventId == scenario.EventId).Where(EventSeat.IsAvailable.At(now)).Select(s => s.SeatId).ToListAsync(),
            Seen = await db.EventSeats.Where(s => s.EventId == scenario.EventId)
                .Select(s => new { s.SeatId, Status = EventSeat.StatusSeen.Invoke(s, now) }).Expand().ToDictionaryAsync(s => s.SeatId, s => s.Status),
            Counts = (await SeatCounting.ByEventAsync(db, [scenario.EventId], now, CancellationToken.None))[scenario.EventId],
            Rows = await db.EventSeats.AsNoTracking().Where(s => s.EventId == scenario.EventId).ToListAsync(),
        });

        Assert.Equal(expected.Where(e => e.Value == SeatStatus.Available).Select(e => e.Key).Order(), translated.Available.Order());
        Assert.Equal(expected, translated.Seen);
        Assert.Equal(expected, translated.Rows.ToDictionary(s => s.SeatId, s => s.StatusAt(now)));
        Assert.Equal(expected.Where(e => e.Value == SeatStatus.Available).Select(e => e.Key).Order(),
            translated.Rows.Where(s => s.IsAvailableAt(now)).Select(s => s.SeatId).Order());
        Assert.Equal(SeatCounts.Of(expected.Values.Select(status => (status, 1))), translated.Counts);
    }

    [SkippableTheory]
    [MemberData(nameof(Instants))]
    public async Task Hold_liveness_reads_the_same_in_SQL_and_in_memory(DatabaseProvider provider, string instant)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "holdrule", rows: 1, seatsPerRow: 4);
        var buyer = scenario.Buyers[0];
        var holds = await AddHoldsAsync(scenario, buyer);
        var now = At(instant);

        // The table: only an active hold before its expiry is running; an active one from its expiry on has lapsed.
        var running = instant == "before expiry" ? [holds[HoldStatus.Active]] : Array.Empty<Guid>();
        var lapsed = instant == "before expiry" ? Array.Empty<Guid>() : [holds[HoldStatus.Active]];

        var translated = await scenario.QueryAsync(async db => new
        {
            Running = await db.Holds.Where(Hold.IsActive.At(now)).Select(h => h.Id).ToListAsync(),
            Lapsed = await db.Holds.Where(Hold.HasLapsed.At(now)).Select(h => h.Id).ToListAsync(),
            Compiled = (await CompiledBookingQueries.EventStateAsync(db, scenario.EventId, buyer, now, CancellationToken.None))!.ActiveHolds,
            Rows = await db.Holds.AsNoTracking().ToListAsync(),
        });

        Assert.Equal(running, translated.Running);
        Assert.Equal(lapsed, translated.Lapsed);
        Assert.Equal(running.Length, translated.Compiled);
        Assert.Equal(running, translated.Rows.Where(h => h.IsActiveAt(now)).Select(h => h.Id));
        Assert.Equal(lapsed, translated.Rows.Where(h => h.HasLapsedAt(now)).Select(h => h.Id));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    public void An_active_hold_is_either_running_or_lapsed_never_both(int secondsFromExpiry)
    {
        var hold = Hold.Place(1, 5, [1], Money.Zero("EUR"), Expiry - Hold.DefaultDuration, Hold.DefaultDuration);
        var now = Expiry.AddSeconds(secondsFromExpiry);

        Assert.NotEqual(hold.IsActiveAt(now), hold.HasLapsedAt(now));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task A_rule_at_an_instant_is_sent_as_a_parameter_so_one_plan_serves_every_instant(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider, "ruleparam");
        await using var db = database.CreateContext();

        string Sql(DateTime now) => db.EventSeats.Where(EventSeat.IsAvailable.At(now)).ToQueryString()
            .Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal) && !line.StartsWith("SET ", StringComparison.Ordinal)).Aggregate("", string.Concat);

        Assert.Equal(Sql(Expiry), Sql(Expiry.AddDays(1)));
        Assert.DoesNotContain("2031", Sql(Expiry), StringComparison.Ordinal);
    }

    private static DateTime At(string instant) => instant switch
    {
        "before expiry" => Expiry.AddSeconds(-1),
        "at expiry" => Expiry,
        _ => Expiry.AddSeconds(1),
    };

    private static Task SetSeatAsync(BookingScenario scenario, int seatId, SeatStatus status, DateTime? holdExpiresAt) =>
        scenario.QueryAsync(db => db.EventSeats.Where(s => s.EventId == scenario.EventId && s.SeatId == seatId)
            .ExecuteUpdateAsync(seat => seat.SetProperty(s => s.Status, status).SetProperty(s => s.HoldExpiresAt, holdExpiresAt)));

    /// <summary>One hold in each status, all expiring at <see cref="Expiry"/>.</summary>
    private static async Task<Dictionary<HoldStatus, Guid>> AddHoldsAsync(BookingScenario scenario, int buyer)
    {
        var placedAt = Expiry - Hold.DefaultDuration;
        var holds = Enum.GetValues<HoldStatus>().Select((status, i) =>
        {
            var hold = Hold.Place(buyer, scenario.EventId, [scenario.SeatIds[i]], Money.Zero("EUR"), placedAt.AddMilliseconds(i), Expiry - placedAt.AddMilliseconds(i));
            switch (status)
            {
                case HoldStatus.Confirmed:
                    hold.Confirm(buyer, placedAt);
                    break;
                case HoldStatus.Released:
                    hold.Release(buyer, placedAt);
                    break;
                case HoldStatus.Expired:
                    Assert.True(hold.Expire(Expiry));
                    break;
            }

            return hold;
        }).ToList();
        Assert.All(holds, hold => Assert.Equal(Expiry, hold.ExpiresAt));

        await scenario.QueryAsync(async db =>
        {
            db.Holds.AddRange(holds);
            return await db.SaveChangesAsync();
        });
        return holds.ToDictionary(h => h.Status, h => h.Id);
    }
}
