using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TicketMaster.Persistence;

namespace TicketMaster.Booking;

/// <summary>
/// Runs one booking step as a short transaction inside the execution strategy, so a deadlock or
/// lock-wait timeout (MySQL 1213 / 1205) retries the whole step, never half of it.
/// </summary>
internal static class BookingTransaction
{
    public static async Task<T> RunAsync<T>(
        TicketMasterDbContext db, IBookingStore store, IAvailabilityPublisher publisher, Func<CancellationToken, Task<T>> step, CancellationToken cancellationToken)
    {
        // The step's writer reports the outbox rows it wrote from what the entities recorded.
        var changes = new BookingChanges();
        db.OutboxWritten = changes.Written;
        T result;
        try
        {
            result = await db.Database.CreateExecutionStrategy().ExecuteAsync(
            step,
            async (_, state, token) =>
            {
                db.ChangeTracker.Clear();
                changes.Clear();
                await using var transaction = await store.BeginAsync(db, token);
                var result = await state(token);
                await transaction.CommitAsync(token);
                return result;
            },
            verifySucceeded: null,
            cancellationToken);
        }
        catch (RetryLimitExceededException exhausted)
        {
            throw new TryAgainException(exhausted);
        }
        finally
        {
            // A pooled context outlives the step.
            db.OutboxWritten = null;
        }

        // After the commit, never before: subscribers must not see a change that could roll back.
        foreach (var (message, seats, hold, sections) in changes.All)
        {
            await publisher.PublishAsync(
                new AvailabilityChange(message.Id, seats, new Live.HoldChange(hold.Id, hold.UserId, hold.EventId, hold.Status, hold.ExpiresAt, message.Id), sections),
                CancellationToken.None);
        }

        return result;
    }
}
