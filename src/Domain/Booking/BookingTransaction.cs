using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TicketMaster.Outbox;
using TicketMaster.Persistence;

namespace TicketMaster.Booking;

/// <summary>
/// Runs one booking step as a short transaction inside the execution strategy, so a deadlock or
/// lock-wait timeout (MySQL 1213 / 1205) retries the whole step, never half of it.
/// </summary>
internal static class BookingTransaction
{
    public static async Task<T> RunAsync<T>(
        TicketMasterDbContext db, IAvailabilityPublisher publisher, Func<CancellationToken, Task<T>> step, CancellationToken cancellationToken)
    {
        var changes = new List<OutboxMessage>();
        var holds = new Dictionary<Guid, Hold>();
        T result;
        try
        {
            result = await db.Database.CreateExecutionStrategy().ExecuteAsync(
            step,
            async (_, state, token) =>
            {
                db.ChangeTracker.Clear();
                changes.Clear();
                await using var transaction = await InventoryLocks.BeginAsync(db, token);
                var result = await state(token);
                changes.AddRange(db.ChangeTracker.Entries<OutboxMessage>().Select(entry => entry.Entity));
                holds = db.ChangeTracker.Entries<Hold>().ToDictionary(entry => entry.Entity.Id, entry => entry.Entity);
                await transaction.CommitAsync(token);
                return result;
            },
            verifySucceeded: null,
            cancellationToken);
        }
        catch (RetryLimitExceededException exhausted)
        {
            throw new BookingContentionException(exhausted);
        }

        // After the commit, never before: subscribers must not see a change that could roll back.
        foreach (var change in changes.Where(m => m.Type == OutboxMessageTypes.SeatsChanged))
        {
            var seats = change.ReadPayload<SeatsChanged>();
            var hold = holds.GetValueOrDefault(seats.HoldId);
            await publisher.PublishAsync(
                new AvailabilityChange(change.Id, seats, hold is null ? null : new Live.HoldChange(hold.Id, hold.UserId, hold.EventId, hold.Status, hold.ExpiresAt, change.Id)),
                CancellationToken.None);
        }

        return result;
    }

    public static void RecordSeatsChanged(TicketMasterDbContext db, int eventId, IEnumerable<EventSeat> seats, SeatStatus status, Guid holdId, DateTime now) =>
        db.OutboxMessages.Add(OutboxMessage.Create(
            OutboxMessageTypes.SeatsChanged,
            eventId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new SeatsChanged(eventId, seats.Select(s => s.SeatId).Order().ToList(), status, holdId),
            now));
}
