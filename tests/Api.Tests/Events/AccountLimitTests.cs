using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Tests.Organizers;
using TicketMaster.Booking;
using static TicketMaster.Api.Tests.Events.SellingEvents;

namespace TicketMaster.Api.Tests.Events;

/// <summary>
/// The event's per-account ticket limit: an account's held and bought (valid) tickets together stay
/// within it, also when the account reserves in parallel; refunds give the allowance back.
/// </summary>
public abstract class AccountLimitTests(SellingScene scene)
{
    [SkippableFact]
    public async Task Held_and_bought_tickets_count_against_the_limit_and_a_refund_frees_them()
    {
        var (eventId, seats) = await PublishedAsync(scene, maxTicketsPerAccount: 4);
        var buyer = scene.ClientFor(scene.Attendee);
        var orderId = await BuyAsync(buyer, eventId, seats.Take(2));
        Assert.Equal(JsonValueKind.Null, (await ReserveAsync(buyer, eventId, seats.Skip(2).Take(2))).GetProperty("errors").ValueKind);

        var refused = await ReserveAsync(buyer, eventId, seats.Skip(4).Take(1));
        var someoneElse = await ReserveAsync(scene.ClientFor(scene.OtherOrganizer), eventId, seats.Skip(5).Take(4));

        var error = refused.GetProperty("errors")[0];
        Assert.Equal(("TicketLimitReachedError", 4, 4), (error.GetProperty("__typename").GetString(), error.GetProperty("limit").GetInt32(), error.GetProperty("alreadyHeldOrBought").GetInt32()));
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("reservation").ValueKind);
        Assert.Equal(SeatStatus.Available, await StatusOfAsync(seats[4]));
        Assert.Equal(JsonValueKind.Null, someoneElse.GetProperty("errors").ValueKind);

        var refund = await scene.ClientFor(scene.Organizer).DataAsync(
            "mutation($input: RefundOrderInput!) { refundOrder(input: $input) { errors { __typename } } }", new { input = new { orderId, reason = "Changed plans" } });
        Assert.Equal(JsonValueKind.Null, refund.GetProperty("refundOrder").GetProperty("errors").ValueKind);

        Assert.Equal(JsonValueKind.Null, (await ReserveAsync(buyer, eventId, seats.Skip(9).Take(2))).GetProperty("errors").ValueKind);
    }

    [SkippableFact]
    public async Task Parallel_reservations_by_one_account_never_exceed_the_limit()
    {
        var (eventId, seats) = await PublishedAsync(scene, maxTicketsPerAccount: 4);
        var buyer = scene.ClientFor(scene.Attendee);

        // Six reservations of three different seats each, all at once: the limit of four lets exactly one through.
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => ReserveAsync(buyer, eventId, seats.Skip(i * 3).Take(3))));

        var won = results.Count(r => r.GetProperty("errors").ValueKind == JsonValueKind.Null);
        var refusals = results.Where(r => r.GetProperty("errors").ValueKind != JsonValueKind.Null).Select(r => r.GetProperty("errors")[0].GetProperty("__typename").GetString()).ToList();
        var key = Key(eventId);
        var held = await scene.InDatabaseAsync(db => db.EventSeats.CountAsync(s => s.EventId == key && s.Status == SeatStatus.Held));
        Assert.Equal(1, won);
        Assert.Equal(3, held);
        Assert.All(refusals, r => Assert.Contains(r, new[] { "TicketLimitReachedError", "TryAgainError" }));
        Assert.Contains("TicketLimitReachedError", refusals);
    }

    [SkippableFact]
    public async Task An_event_without_a_per_account_limit_lets_one_account_hold_more_reservations()
    {
        var (eventId, seats) = await PublishedAsync(scene, maxTicketsPerAccount: null);
        var buyer = scene.ClientFor(scene.Attendee);

        await BuyAsync(buyer, eventId, seats.Take(6));
        var first = await ReserveAsync(buyer, eventId, seats.Skip(6).Take(6));
        var second = await ReserveAsync(buyer, eventId, seats.Skip(12).Take(6));

        Assert.Equal(JsonValueKind.Null, first.GetProperty("errors").ValueKind);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("errors").ValueKind);
    }

    private Task<SeatStatus> StatusOfAsync(int seatId) =>
        scene.InDatabaseAsync(db => db.EventSeats.Where(s => s.SeatId == seatId).Select(s => s.Status).SingleAsync());
}

public sealed class AccountLimitOnSqlite(SellingOnSqlite scene) : AccountLimitTests(scene), IClassFixture<SellingOnSqlite>;

public sealed class AccountLimitOnMariaDb(SellingOnMariaDb scene) : AccountLimitTests(scene), IClassFixture<SellingOnMariaDb>;
