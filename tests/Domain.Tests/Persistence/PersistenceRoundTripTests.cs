using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Events;
using TicketMaster.Orders;
using TicketMaster.Outbox;
using TicketMaster.Performers;
using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Domain.Tests.Persistence;

public sealed class PersistenceRoundTripTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task A_sold_event_reads_back_exactly_as_it_was_saved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, "roundtrip");
        var now = TestData.Now;
        int eventId;
        Guid orderId;

        await using (var db = database.CreateContext())
        {
            var organizer = TestData.User("olga", Role.Organizer);
            var buyer = TestData.User("bob");
            var venue = TestData.Venue(rows: 3, seatsPerRow: 4);
            var band = Performer.Create("The Velvet Comets", "Indie rock from Leeds.", "Indie", "https://images.example.com/1.jpg");
            db.AddRange(organizer, buyer, venue, band);
            await db.SaveChangesAsync();

            var gig = TestData.Event(venue, organizer.Id, [band.Id]);
            gig.PutOnSale();
            db.Events.Add(gig);
            await db.SaveChangesAsync();
            await BulkInserter.InsertAsync(db, gig.CreateInventory(venue), CancellationToken.None);

            var wanted = venue.Sections[0].Rows[0].Seats.Take(2).Select(s => s.Id).ToList();
            var seats = await db.EventSeats.Where(s => s.EventId == gig.Id && wanted.Contains(s.SeatId)).ToListAsync();
            var hold = Hold.Place(buyer.Id, gig.Id, wanted, Order.TotalOf(seats, gig.Currency), now, Hold.DefaultDuration);
            seats.ForEach(s => s.PlaceHold(hold.Id, hold.ExpiresAt, now));
            db.Holds.Add(hold);
            await db.SaveChangesAsync();

            var payment = Payment.Start(hold.Id, buyer.Id, Order.TotalOf(seats, gig.Currency), "simulated", "idem-1", "tok_visa", now, now.AddSeconds(15));
            payment.Succeed("ch_123", now);
            hold.Confirm(buyer.Id, now);
            var order = Order.FromHold(hold, seats, gig.Currency, payment.Id, now);
            seats.ForEach(s => s.Sell(hold.Id, order.Id));
            db.AddRange(payment, order);
            await db.SaveChangesAsync();
            (eventId, orderId) = (gig.Id, order.Id);
        }

        await using (var db = database.CreateContext())
        {
            var gig = await db.Events
                .Include(e => e.Venue!).ThenInclude(v => v.Sections).ThenInclude(s => s.Rows).ThenInclude(r => r.Seats)
                .Include(e => e.Prices).Include(e => e.Performers)
                .SingleAsync(e => e.Id == eventId);
            Assert.Equal((EventStatus.OnSale, "EUR", DateTimeKind.Utc), (gig.Status, gig.Currency, gig.StartsAt.Kind));
            Assert.Equal(TestData.Now.AddDays(30), gig.StartsAt);
            Assert.Equal(24, gig.Venue!.Capacity);
            Assert.Equal(["The Velvet Comets"], gig.Performers.Select(p => p.Name));
            Assert.Equal([80m, 50m], gig.Prices.OrderBy(p => p.SectionId).Select(p => p.Price));

            var counts = await db.EventSeats.Where(s => s.EventId == eventId)
                .GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
            Assert.Equal(new Dictionary<SeatStatus, int> { [SeatStatus.Available] = 22, [SeatStatus.Sold] = 2 }, counts);

            var order = await db.Orders.Include(o => o.Tickets).SingleAsync(o => o.Id == orderId);
            Assert.Equal(new Money(160m, "EUR"), order.Total);
            Assert.Equal([TicketStatus.Valid, TicketStatus.Valid], order.Tickets.Select(t => t.Status));
            Assert.All(order.Tickets, t => Assert.Equal(new Money(80m, "EUR"), t.Price));

            var payment = await db.Payments.SingleAsync(p => p.Id == order.PaymentId);
            Assert.Equal((PaymentStatus.Succeeded, "ch_123", 160m), (payment.Status, payment.ProviderReference, payment.Amount.Amount));
            Assert.Equal(HoldStatus.Confirmed, (await db.Holds.Include(h => h.Seats).SingleAsync(h => h.Id == order.HoldId)).Status);

            var message = await db.OutboxMessages.SingleAsync(m => m.Type == OutboxMessageTypes.EventScheduled);
            Assert.True(message.Id > 0);
            Assert.Equal(eventId, message.ReadPayload<EventScheduled>().EventId);
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task Two_accounts_cannot_share_an_email_in_different_case(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, "emails");
        await using var db = database.CreateContext();
        db.Users.Add(User.Register("alice", "alice@example.com", "hash", TestData.Now));
        await db.SaveChangesAsync();

        db.Users.Add(User.Register("alice2", "ALICE@Example.com", "hash", TestData.Now));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
