using Microsoft.EntityFrameworkCore;
using TicketMaster.Outbox;
using TicketMaster.Persistence;

namespace TicketMaster.Booking;

/// <summary>
/// Runs one booking step as a short transaction inside the execution strategy, so a deadlock or
/// lock-wait timeout (MySQL 1213 / 1205) retries the whole step, never half of it.
/// </summary>
internal static class BookingTransaction
{
    public static Task<T> RunAsync<T>(TicketMasterDbContext db, Func<CancellationToken, Task<T>> step, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(
            step,
            async (_, state, token) =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await InventoryLocks.BeginAsync(db, token);
                var result = await state(token);
                await transaction.CommitAsync(token);
                return result;
            },
            verifySucceeded: null,
            cancellationToken);

    public static void RecordSeatsChanged(TicketMasterDbContext db, int eventId, IEnumerable<EventSeat> seats, SeatStatus status, Guid holdId, DateTime now) =>
        db.OutboxMessages.Add(OutboxMessage.Create(
            OutboxMessageTypes.SeatsChanged,
            eventId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new SeatsChanged(eventId, seats.Select(s => s.SeatId).Order().ToList(), status, holdId),
            now));
}
