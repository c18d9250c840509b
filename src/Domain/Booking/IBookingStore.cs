using Microsoft.EntityFrameworkCore.Storage;
using TicketMaster.Orders;
using TicketMaster.Persistence;

namespace TicketMaster.Booking;

/// <summary>
/// The booking path's storage steps that EF cannot express, or not cheaply enough for an on-sale
/// (ADR 0009): the transaction, the locking read of the seats, and the one-batch writes of a hold
/// and of an order. Everything else the use cases do through the context. The provider SQL behind it
/// lives in Infrastructure (<c>BookingSql</c>), the one place the providers differ.
/// </summary>
/// <remarks>Each call takes the step's context: the store is stateless and shared by every request.</remarks>
public interface IBookingStore
{
    /// <summary>Starts the step's transaction, isolated as the provider's locking needs.</summary>
    Task<IDbContextTransaction> BeginAsync(TicketMasterDbContext db, CancellationToken cancellationToken);

    /// <summary>
    /// Locks the event's seats (row locks where the provider has them) and reads them, in seat order
    /// so two buyers with overlapping seats queue instead of deadlocking.
    /// </summary>
    /// <param name="skipRowLocks">Reads without locking (<see cref="BookingOptions.UnsafeSkipRowLocks"/>).</param>
    /// <param name="tracked">True when the caller changes the seats through SaveChanges.</param>
    Task<List<EventSeat>> LockAsync(
        TicketMasterDbContext db, int eventId, IReadOnlyCollection<int> seatIds, bool skipRowLocks, bool tracked, CancellationToken cancellationToken);

    /// <summary>
    /// Serialises the account's reservations (MySQL: its users row locked until the step commits;
    /// SQLite: the IMMEDIATE transaction already does), so two parallel holds cannot both pass the
    /// event's per-account limit. Taken before the seats, always in that order.
    /// </summary>
    Task LockAccountAsync(TicketMasterDbContext db, int userId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a new hold in one round trip: its locked seats marked held, the hold, its seat list and
    /// the outbox row the hold and its seats recorded, reported to the step for the after-commit publish.
    /// </summary>
    Task InsertHoldAsync(TicketMasterDbContext db, Hold hold, IReadOnlyList<EventSeat> seats, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a confirmed hold's order in one round trip: its locked seats sold, the hold confirmed,
    /// the order, its tickets and the outbox row they recorded, reported like <see cref="InsertHoldAsync"/>'s.
    /// </summary>
    Task InsertOrderAsync(TicketMasterDbContext db, Hold hold, Order order, IReadOnlyList<EventSeat> seats, CancellationToken cancellationToken);
}
