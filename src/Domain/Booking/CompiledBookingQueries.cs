using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using TicketMaster.Common;
using TicketMaster.Events;
using TicketMaster.Orders;
using TicketMaster.Persistence;

namespace TicketMaster.Booking;

/// <summary>What a reservation checks before it locks anything: the event's sale status and currency, and the buyer's active holds on it.</summary>
internal sealed record EventState(EventStatus Status, string Currency, int ActiveHolds, int? MaxTicketsPerOrder, int? MaxTicketsPerAccount, DateTime? OnSaleAt);

/// <summary>
/// The booking path's LINQ reads, compiled: building the reserve read's expression tree,
/// extracting its parameters and finding the cached plan took about a sixth of the Api's CPU per
/// reservation (ADR 0009).
/// EF binds a compiled query to the first model it runs on, and one process may use several (the
/// tests run SQLite and MySQL side by side), so each model gets its own.
/// </summary>
internal static class CompiledBookingQueries
{
    private static readonly ConditionalWeakTable<IModel, Func<TicketMasterDbContext, int, int, DateTime, CancellationToken, Task<EventState?>>> EventStates = [];
    private static readonly ConditionalWeakTable<IModel, Func<TicketMasterDbContext, Guid, CancellationToken, Task<Hold?>>> HoldsWithSeats = [];
    private static readonly ConditionalWeakTable<IModel, Func<TicketMasterDbContext, string, string, CancellationToken, Task<Payment?>>> PaymentsByKey = [];

    public static Task<EventState?> EventStateAsync(TicketMasterDbContext db, int eventId, int userId, DateTime now, CancellationToken cancellationToken) =>
        EventStates.GetValue(db.Model, _ => EF.CompileAsyncQuery(Rules.Expand((TicketMasterDbContext db, int eventId, int userId, DateTime now, CancellationToken _) =>
            db.Events.AsNoTracking()
                .Where(e => e.Id == eventId)
                .Select(e => new EventState(e.Status, e.Currency, db.Holds.Count(h =>
                    h.UserId == userId && h.EventId == eventId && Hold.IsActive.Invoke(h, now)), e.MaxTicketsPerOrder, e.MaxTicketsPerAccount, e.OnSaleAt))
                .SingleOrDefault())))(db, eventId, userId, now, cancellationToken);

    /// <summary>The hold and its seats, untracked.</summary>
    public static Task<Hold?> HoldWithSeatsAsync(TicketMasterDbContext db, Guid holdId, CancellationToken cancellationToken) =>
        HoldsWithSeats.GetValue(db.Model, _ => EF.CompileAsyncQuery((TicketMasterDbContext db, Guid holdId, CancellationToken _) =>
            db.Holds.AsNoTracking().Include(h => h.Seats).SingleOrDefault(h => h.Id == holdId)))(db, holdId, cancellationToken);

    /// <summary>The payment attempt recorded under this idempotency key with this provider, tracked.</summary>
    public static Task<Payment?> PaymentByKeyAsync(TicketMasterDbContext db, string provider, string idempotencyKey, CancellationToken cancellationToken) =>
        PaymentsByKey.GetValue(db.Model, _ => EF.CompileAsyncQuery((TicketMasterDbContext db, string provider, string idempotencyKey, CancellationToken _) =>
            db.Payments.SingleOrDefault(p => p.Provider == provider && p.IdempotencyKey == idempotencyKey)))(db, provider, idempotencyKey, cancellationToken);
}
