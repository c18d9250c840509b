using Microsoft.EntityFrameworkCore;
using TicketMaster.Performers;
using TicketMaster.Persistence;

namespace TicketMaster.Indexer.Tests.Outbox;

/// <summary>An organizer's renames reach search through the outbox rows the entities record, with no reindex.</summary>
public sealed class OrganizerChangesIndexingTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task A_renamed_event_and_a_renamed_performer_are_found_by_their_new_names(DatabaseProvider provider)
    {
        await using var rig = await IndexerRig.CreateAsync(provider, "organizer_renames");
        var ids = await rig.SeedEventsAsync(2);
        var indexer = rig.Indexer();
        await indexer.CatchUpAsync(CancellationToken.None);

        await using (var db = rig.Database.CreateContext())
        {
            (await db.Events.SingleAsync(e => e.Id == ids[0])).Rename("Encore Night", "One more time.");
            await db.SaveChangesAsync();
            var performer = await db.Performers.SingleAsync();
            await new UpdatePerformer(db).ExecuteAsync(performer.Id, "Starlight Orchestra", null, null, null, CancellationToken.None);
        }

        var applied = await indexer.CatchUpAsync(CancellationToken.None);

        Assert.True(applied >= 3, $"expected the rename and each event of the performer to reach the index, applied {applied}");
        Assert.Equal([ids[0]], (await rig.SearchAsync("Encore")).Hits.Select(h => h.EventId));
        Assert.Equal(ids.Order(), (await rig.SearchAsync("Starlight")).Hits.Select(h => h.EventId).Order());
    }
}
