using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.Performers;

/// <summary>
/// The performer's creator (or an admin) corrects how they are billed. Every event they appear at
/// records the change, so search shows the new name (ADR 0011).
/// </summary>
public sealed class UpdatePerformer(TicketMasterDbContext db)
{
    public async Task<Performer> ExecuteAsync(
        int performerId, string? name, string? description, string? genre, string? imageUrl, CancellationToken cancellationToken)
    {
        var performer = await db.Performers.Include(p => p.Events).SingleOrDefaultAsync(p => p.Id == performerId, cancellationToken)
            ?? throw new PerformerNotFoundException(performerId);
        performer.Describe(name ?? performer.Name, description ?? performer.Description, genre ?? performer.Genre, imageUrl ?? performer.ImageUrl);
        foreach (var show in performer.Events)
        {
            show.ListingChanged();
        }

        await db.SaveChangesAsync(cancellationToken);
        return performer;
    }
}
