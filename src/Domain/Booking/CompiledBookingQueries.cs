using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using TicketMaster.Events;
using TicketMaster.Persistence;

namespace TicketMaster.Booking;

/// <summary>What a reservation checks before it locks anything: the event's sale status and currency, and the buyer's active holds on it.</summary>
internal sealed record EventState(EventStatus Status, string Currency, int ActiveHolds);

/// <summary>
/// The reserve path's LINQ read, compiled: building its expression tree, extracting the parameters
/// and finding the cached plan took about a sixth of the Api's CPU per reservation (ADR 0009).
/// EF binds a compiled query to the first model it runs on, and one process may use several (the
/// tests run SQLite and MySQL side by side), so each model gets its own.
/// </summary>
internal static class CompiledBookingQueries
{
    private static readonly ConditionalWeakTable<IModel, Func<TicketMasterDbContext, int, int, DateTime, CancellationToken, Task<EventState?>>> EventStates = [];

    public static Task<EventState?> EventStateAsync(TicketMasterDbContext db, int eventId, int userId, DateTime now, CancellationToken cancellationToken) =>
        EventStates.GetValue(db.Model, _ => CompileEventState())(db, eventId, userId, now, cancellationToken);

    private static Func<TicketMasterDbContext, int, int, DateTime, CancellationToken, Task<EventState?>> CompileEventState() =>
        EF.CompileAsyncQuery((TicketMasterDbContext db, int eventId, int userId, DateTime now, CancellationToken _) =>
            db.Events.AsNoTracking()
                .Where(e => e.Id == eventId)
                .Select(e => new EventState(e.Status, e.Currency, db.Holds.Count(h =>
                    h.UserId == userId && h.EventId == eventId && h.Status == HoldStatus.Active && h.ExpiresAt > now)))
                .SingleOrDefault());
}
