using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.Events;

/// <summary>
/// Opens the sales of announced events whose <see cref="Event.OnSaleAt"/> has come, each in its own
/// transaction with its outbox row, so search and live subscribers follow. Exactly once with several
/// Api instances: an instance first claims the event with a conditional UPDATE (Announced → OnSale);
/// the loser of a race updates no row (MySQL re-reads the committed row under the row lock; SQLite has
/// one writer) and writes nothing. A restart finds whatever is still announced and past due.
/// </summary>
public sealed class OpenScheduledSales(TicketMasterDbContext db, TimeProvider clock)
{
    /// <summary>Opens at most <paramref name="batch"/> events; how many it opened.</summary>
    public async Task<int> ExecuteAsync(int batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Events.AsNoTracking()
            .Where(e => e.Status == EventStatus.Announced && e.OnSaleAt <= now)
            .OrderBy(e => e.OnSaleAt).Select(e => e.Id).Take(batch).ToListAsync(cancellationToken);
        var opened = 0;
        foreach (var id in due)
        {
            opened += await OpenAsync(id, cancellationToken) ? 1 : 0;
        }

        return opened;
    }

    private Task<bool> OpenAsync(int eventId, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var show = await db.Events.SingleAsync(e => e.Id == eventId, token);
            var claimed = await db.Events.Where(e => e.Id == eventId && e.Status == EventStatus.Announced)
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, EventStatus.OnSale), token);
            if (claimed == 0)
            {
                return false;
            }

            // The claim changed the row behind EF's back; the entity, read before it, records the transition for the outbox.
            show.OpenSales();
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return true;
        }, cancellationToken);
}
