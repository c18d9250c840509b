using TicketMaster.Persistence;

namespace TicketMaster.Performers;

/// <summary>An organizer adds a performer they can then put on line-ups and edit.</summary>
public sealed class CreatePerformer(TicketMasterDbContext db)
{
    public async Task<Performer> ExecuteAsync(int callerId, string name, string description, string genre, string? imageUrl, CancellationToken cancellationToken)
    {
        var performer = Performer.Create(name, description, genre, imageUrl, callerId);
        db.Performers.Add(performer);
        await db.SaveChangesAsync(cancellationToken);
        return performer;
    }
}
