using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Persistence;

namespace TicketMaster.Payments;

/// <summary>
/// The reconciler's claim: read the due rows with <c>FOR UPDATE SKIP LOCKED</c> on MySQL/MariaDB, so
/// instances claiming at once take disjoint rows instead of queueing, and push their
/// <c>next_check_at</c> out (the lease) in the same short transaction. SQLite's one writer needs no lock.
/// </summary>
public sealed class PaymentClaims(IBookingStore store) : IPaymentClaims
{
    public Task<IReadOnlyList<Guid>> ClaimAsync(TicketMasterDbContext db, DateTime now, DateTime leaseUntil, int batchSize, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await store.BeginAsync(db, token);
            var sql = "SELECT id AS Value FROM payments WHERE next_check_at <= {0} ORDER BY next_check_at LIMIT {1}" + (db.IsMySql ? " FOR UPDATE SKIP LOCKED" : "");
            var ids = await db.Database.SqlQueryRaw<Guid>(sql, now, batchSize).ToListAsync(token);
            if (ids.Count > 0)
            {
                await db.Payments.Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(set => set.SetProperty(p => p.NextCheckAt, leaseUntil), token);
            }

            await transaction.CommitAsync(token);
            return (IReadOnlyList<Guid>)ids;
        }, cancellationToken);
}
