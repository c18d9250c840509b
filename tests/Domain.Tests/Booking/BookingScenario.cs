using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TicketMaster.Booking;
using TicketMaster.Events;
using TicketMaster.Orders;
using TicketMaster.Payments;
using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Domain.Tests.Booking;

/// <summary>
/// A real database with buyers and one on-sale event (plus a second event at the same venue),
/// and the booking use cases wired the way the Api wires them, each call on a fresh context.
/// </summary>
public sealed class BookingScenario : IAsyncDisposable
{
    private BookingScenario(TestDatabase database, int eventId, int otherEventId, IReadOnlyList<int> buyers, IReadOnlyList<int> seatIds)
    {
        Database = database;
        EventId = eventId;
        OtherEventId = otherEventId;
        Buyers = buyers;
        SeatIds = seatIds;
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public BookingOptions Options { get; } = new();

    /// <summary>Every availability change published, in publishing order.</summary>
    public RecordingPublisher Publisher { get; } = new();

    public SimulatedPaymentGateway Gateway => _gateway ??= new SimulatedPaymentGateway(Clock, () => Database.CreateContext());

    /// <summary>The booking path's SQL, as the Api registers it.</summary>
    public IBookingStore Store { get; } = new BookingSql();

    public int EventId { get; }

    public int OtherEventId { get; }

    public IReadOnlyList<int> Buyers { get; }

    /// <summary>The event's seat ids in seat-map order (section, row, number).</summary>
    public IReadOnlyList<int> SeatIds { get; }

    private SimulatedPaymentGateway? _gateway;

    public static async Task<BookingScenario> CreateAsync(DatabaseProvider provider, string name, int buyers = 3, int rows = 2, int seatsPerRow = 4)
    {
        var database = await TestDatabase.CreateAsync(provider, name);
        await using var db = database.CreateContext();
        var organizer = TestData.User("organizer", Role.Organizer);
        var users = Enumerable.Range(1, buyers).Select(i => TestData.User($"buyer{i}")).ToList();
        var venue = TestData.Venue(rows: rows, seatsPerRow: seatsPerRow);
        db.AddRange(organizer, venue);
        db.AddRange(users);
        await db.SaveChangesAsync();

        var gig = Event.Schedule("Hot Gig", "", EventCategory.Concert, DateTime.UtcNow.AddDays(30), venue, organizer.Id, "EUR",
            venue.Sections.ToDictionary(s => s.Id, s => s.Name == "Stalls" ? 80m : 50m), [], DateTime.UtcNow);
        var other = Event.Schedule("Other Gig", "", EventCategory.Concert, DateTime.UtcNow.AddDays(31), venue, organizer.Id, "EUR",
            venue.Sections.ToDictionary(s => s.Id, _ => 10m), [], DateTime.UtcNow);
        gig.PutOnSale();
        other.PutOnSale();
        db.Events.AddRange(gig, other);
        await db.SaveChangesAsync();
        await BulkInserter.InsertAsync(db, gig.CreateInventory(venue).Concat(other.CreateInventory(venue)), CancellationToken.None);
        return new BookingScenario(database, gig.Id, other.Id, users.Select(u => u.Id).ToList(), venue.AllSeats().Select(s => s.Id).ToList());
    }

    public async Task<Hold> ReserveAsync(int buyer, params int[] seatIds)
    {
        await using var db = Database.CreateContext();
        return await new ReserveSeats(db, Store, Publisher, Clock, Options).ExecuteAsync(buyer, EventId, seatIds, CancellationToken.None);
    }

    public async Task<Hold> ReserveAsync(int buyer, int eventId, IReadOnlyCollection<int> seatIds)
    {
        await using var db = Database.CreateContext();
        return await new ReserveSeats(db, Store, Publisher, Clock, Options).ExecuteAsync(buyer, eventId, seatIds, CancellationToken.None);
    }

    public async Task<Order> ConfirmAsync(int buyer, Guid holdId, string token = "tok_visa", string? key = null, TimeProvider? clock = null)
    {
        await using var db = Database.CreateContext();
        return await new ConfirmReservation(db, Store, Publisher, Gateway, clock ?? Clock, Options).ExecuteAsync(buyer, holdId, token, key ?? Guid.NewGuid().ToString(), CancellationToken.None);
    }

    public async Task<Hold> ReleaseAsync(int buyer, Guid holdId)
    {
        await using var db = Database.CreateContext();
        return await new ReleaseReservation(db, Store, Publisher, Clock, Options).ExecuteAsync(buyer, holdId, CancellationToken.None);
    }

    public async Task<int> ExpireAsync(TimeProvider? clock = null)
    {
        await using var db = Database.CreateContext();
        return await new ExpireHolds(db, Store, Publisher, clock ?? Clock, Options).ExecuteAsync(100, CancellationToken.None);
    }

    public async Task<Dictionary<int, (SeatStatus Status, Guid? HoldId, Guid? OrderId)>> SeatsAsync(int? eventId = null)
    {
        await using var db = Database.CreateContext();
        var id = eventId ?? EventId;
        return await db.EventSeats.Where(s => s.EventId == id).ToDictionaryAsync(s => s.SeatId, s => (s.Status, s.HoldId, s.OrderId));
    }

    /// <summary>
    /// Back to the state right after <see cref="CreateAsync"/>: no holds, orders, payments or
    /// outbox rows, every seat of every event available. Far cheaper than a new database (about a
    /// second on MariaDB), for tests that run many sequences on one scenario.
    /// </summary>
    public async Task ResetBookingsAsync()
    {
        await using var db = Database.CreateContext();
        await db.Tickets.ExecuteDeleteAsync();
        await db.Orders.ExecuteDeleteAsync();
        await db.Payments.ExecuteDeleteAsync();
        await db.HoldSeats.ExecuteDeleteAsync();
        await db.Holds.ExecuteDeleteAsync();
        await db.OutboxMessages.ExecuteDeleteAsync();
        await db.EventSeats.Where(s => s.Status != SeatStatus.Available || s.HoldId != null || s.OrderId != null)
            .ExecuteUpdateAsync(seat => seat
                .SetProperty(s => s.Status, SeatStatus.Available)
                .SetProperty(s => s.HoldId, (Guid?)null)
                .SetProperty(s => s.HoldExpiresAt, (DateTime?)null)
                .SetProperty(s => s.OrderId, (Guid?)null));
    }

    public async Task<T> QueryAsync<T>(Func<TicketMasterDbContext, Task<T>> query)
    {
        await using var db = Database.CreateContext();
        return await query(db);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

public sealed class RecordingPublisher : IAvailabilityPublisher
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<AvailabilityChange> _changes = new();

    public IReadOnlyList<AvailabilityChange> Changes => _changes.ToList();

    public ValueTask PublishAsync(AvailabilityChange change, CancellationToken cancellationToken)
    {
        _changes.Enqueue(change);
        return ValueTask.CompletedTask;
    }
}
