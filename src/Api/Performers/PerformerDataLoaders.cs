using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;
using TicketMaster.GraphQL.DataLoading;
using TicketMaster.Performers;

namespace TicketMaster.Api.Performers;

public sealed class PerformerDataLoaders(DbBatch<TicketMasterDbContext> batch)
{
    public BatchLoader<int, Performer> PerformerById { get; } = batch.One<int, Performer>((db, ids, ct) =>
        db.Performers.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct));
}
