using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Booking;
using TicketMaster.Events;
using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Api.Tests.Booking;

public sealed class ExpirySweepTests
{
    [SkippableFact]
    public async Task The_scheduled_sweep_ends_a_lapsed_reservation_and_frees_its_seat()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.MySql, "sweep");
        int eventId, seatId;
        await using (var db = database.CreateContext())
        {
            var organizer = TestData.User("olga", Role.Organizer);
            var venue = TestData.Venue(rows: 1, seatsPerRow: 2);
            db.AddRange(organizer, venue);
            await db.SaveChangesAsync();
            var gig = TestData.Event(venue, organizer.Id);
            gig.PutOnSale();
            db.Add(gig);
            await db.SaveChangesAsync();
            await BulkInserter.InsertAsync(db, gig.CreateInventory(venue), CancellationToken.None);
            (eventId, seatId) = (gig.Id, venue.AllSeats().First().Id);
        }

        await using var api = await ApiHost.StartAsync(new Dictionary<string, string?>(database.AppSettings)
        {
            ["DemoData:Size"] = "None",
            ["Booking:HoldDuration"] = "00:00:01",
            ["Booking:ExpirySweepInterval"] = "00:00:00.200",
        });
        var client = new GraphQLClient(api.CreateHttpClient());
        var buyer = await client.SignedInBuyerAsync("sweeper");
        var reserved = await buyer.DataAsync<ReserveData>(
            "mutation($input: ReserveSeatsInput!) { reserveSeats(input: $input) { reservation { id } } }",
            new { input = new { eventId = Encode("Event", eventId), seatIds = new[] { Encode("Seat", seatId) } } });
        Assert.NotNull(reserved.ReserveSeats.Reservation);

        var status = await WaitForAsync(database, db => db.Holds.Select(h => h.Status).SingleAsync(), s => s == HoldStatus.Expired);

        Assert.Equal(HoldStatus.Expired, status);
        await using var check = database.CreateContext();
        var seat = await check.EventSeats.SingleAsync(s => s.EventId == eventId && s.SeatId == seatId);
        Assert.Equal((SeatStatus.Available, (Guid?)null), (seat.Status, seat.HoldId));
    }

    private static string Encode(string type, int id) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{type}:{id}"));

    /// <summary>Polls a database condition the sweep will make true, up to a deadline.</summary>
    private static async Task<T> WaitForAsync<T>(TestDatabase database, Func<TicketMasterDbContext, Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var db = database.CreateContext();
            var value = await read(db);
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }

    private sealed record ReserveData(ReservationOnly ReserveSeats);

    private sealed record ReservationOnly(Node? Reservation);
}
