using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Events;
using TicketMaster.Indexer.Search;
using TicketMaster.Outbox;
using TicketMaster.Persistence;

namespace TicketMaster.Indexer.Tests.Outbox;

public sealed class OutboxIndexerTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task The_first_run_builds_the_index_from_the_database_without_drafts_or_cancelled_events(DatabaseProvider provider)
    {
        await using var rig = await IndexerRig.CreateAsync(provider, "first_run");
        await rig.SeedEventsAsync(3, ("Secret Draft", EventStatus.Draft), ("Called Off", EventStatus.Cancelled));

        await rig.Indexer().CatchUpAsync(CancellationToken.None);

        var result = await rig.SearchAsync();
        Assert.Equal(["Show 1", "Show 2", "Show 3"], await NamesAsync(rig, result));
        Assert.NotNull(await rig.Index.ReadCheckpointAsync(CancellationToken.None));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task Changes_recorded_in_the_outbox_reach_the_index_and_cancelled_events_leave_it(DatabaseProvider provider)
    {
        await using var rig = await IndexerRig.CreateAsync(provider, "changes");
        var ids = await rig.SeedEventsAsync(3);
        var indexer = rig.Indexer();
        await indexer.CatchUpAsync(CancellationToken.None);

        await rig.RenameAsync([ids[0]], _ => "Encore Night");
        await using (var db = rig.Database.CreateContext())
        {
            var cancelled = await db.Events.SingleAsync(e => e.Id == ids[1]);
            cancelled.Cancel();
            await db.SaveChangesAsync();
        }

        var applied = await indexer.CatchUpAsync(CancellationToken.None);

        Assert.Equal(2, applied);
        Assert.Equal(["Encore Night", "Show 3"], await NamesAsync(rig, await rig.SearchAsync()));
        Assert.Equal(await rig.LastOutboxIdAsync(), await rig.Index.ReadCheckpointAsync(CancellationToken.None));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task An_event_put_on_sale_or_sold_out_reaches_the_index_through_the_outbox_rows_its_status_changes_wrote(DatabaseProvider provider)
    {
        await using var rig = await IndexerRig.CreateAsync(provider, "status");
        var ids = await rig.SeedEventsAsync(1, ("Secret Draft", EventStatus.Draft));
        var indexer = rig.Indexer();
        await indexer.CatchUpAsync(CancellationToken.None);
        Assert.Equal(["Show 1"], await NamesAsync(rig, await rig.SearchAsync()));

        await using (var db = rig.Database.CreateContext())
        {
            (await db.Events.SingleAsync(e => e.Id == ids[1])).PutOnSale();
            (await db.Events.SingleAsync(e => e.Id == ids[0])).MarkSoldOut();
            await db.SaveChangesAsync();
        }

        var applied = await indexer.CatchUpAsync(CancellationToken.None);

        Assert.Equal(2, applied);
        Assert.Equal(["Show 1", "Secret Draft"], await NamesAsync(rig, await rig.SearchAsync()));
        var onSale = await rig.Index.SearchAsync(new SearchQuery(OnSaleOnly: true, Order: SearchOrder.Date), CancellationToken.None);
        Assert.Equal(["Secret Draft"], await NamesAsync(rig, onSale));
        Assert.Equal(await rig.LastOutboxIdAsync(), await rig.Index.ReadCheckpointAsync(CancellationToken.None));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task Documents_carry_performers_prices_and_seat_counts_with_lapsed_holds_counted_free(DatabaseProvider provider)
    {
        await using var rig = await IndexerRig.CreateAsync(provider, "documents");
        var id = (await rig.SeedEventsAsync(1))[0];
        await using (var db = rig.Database.CreateContext())
        {
            var seats = await db.EventSeats.Where(s => s.EventId == id).OrderBy(s => s.SeatId).Take(3).ToListAsync();
            var now = DateTime.UtcNow;
            seats[0].PlaceHold(Guid.NewGuid(), now.AddMinutes(10), now);
            seats[1].PlaceHold(Guid.NewGuid(), now.AddMinutes(-1), now.AddMinutes(-11));
            var sold = Guid.NewGuid();
            seats[2].PlaceHold(sold, now.AddMinutes(10), now);
            seats[2].Sell(sold, Guid.NewGuid());
            await db.SaveChangesAsync();
        }

        var (upserts, removals) = await rig.Documents().BuildAsync(new Dictionary<int, long> { [id] = 7, [999_999] = 7 }, CancellationToken.None);

        var document = Assert.Single(upserts);
        Assert.Equal(["The Velvet Comets"], document.Performers);
        Assert.Equal((7, "Riverside Hall", "Berlin", 50m, 80m, 8, 6),
            (document.Version, document.VenueName, document.City, document.MinPrice, document.MaxPrice, document.TotalSeats, document.AvailableSeats));
        Assert.Equal([new IndexRemoval(999_999, 7)], removals);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task A_crash_in_the_middle_of_a_batch_loses_nothing_and_duplicates_nothing(DatabaseProvider provider)
    {
        await using var rig = await IndexerRig.CreateAsync(provider, "crash");
        var ids = await rig.SeedEventsAsync(25);
        await rig.Indexer().CatchUpAsync(CancellationToken.None);
        await rig.RenameAsync(ids, id => $"Renamed {id}");

        // Batches of 10: the first commits, the second dies after writing 4 of its documents.
        var written = 0;
        rig.Index.AfterDocumentWritten = _ =>
        {
            if (++written == 14)
            {
                throw new IOException("disk pulled out mid-batch");
            }
        };
        await Assert.ThrowsAsync<IOException>(() => rig.Indexer().CatchUpAsync(CancellationToken.None));
        var checkpointAfterCrash = await rig.Index.ReadCheckpointAsync(CancellationToken.None);

        rig.Restart();
        await rig.Indexer().CatchUpAsync(CancellationToken.None);

        var perEvent = rig.Index.CountDocumentsPerEvent();
        Assert.Equal(ids.Order(), perEvent.Keys.Order());
        Assert.All(perEvent.Values, count => Assert.Equal(1, count));
        Assert.Equal(ids.Select(id => $"Renamed {id}").Order(), (await NamesAsync(rig, await rig.SearchAsync())).Order());
        Assert.Equal(await rig.LastOutboxIdAsync() - 15, checkpointAfterCrash);
        Assert.Equal(await rig.LastOutboxIdAsync(), await rig.Index.ReadCheckpointAsync(CancellationToken.None));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task A_gap_in_outbox_ids_holds_the_checkpoint_until_the_late_transaction_commits(DatabaseProvider provider)
    {
        await using var rig = await IndexerRig.CreateAsync(provider, "gap");
        var ids = await rig.SeedEventsAsync(2);
        var indexer = rig.Indexer();
        await indexer.CatchUpAsync(CancellationToken.None);
        var before = await rig.Index.ReadCheckpointAsync(CancellationToken.None);

        // Id before+1 is taken by a transaction still open; before+2 commits first, just now.
        await InsertMessageAsync(rig, before!.Value + 2, ids[1], DateTime.UtcNow);

        await indexer.CatchUpAsync(CancellationToken.None);
        var held = await rig.Index.ReadCheckpointAsync(CancellationToken.None);
        await using (var db = rig.Database.CreateContext())
        {
            await db.Events.Where(e => e.Id == ids[0]).ExecuteUpdateAsync(e => e.SetProperty(x => x.Name, "Late Commit"));
        }

        await InsertMessageAsync(rig, before.Value + 1, ids[0], DateTime.UtcNow.AddSeconds(-1));
        await indexer.CatchUpAsync(CancellationToken.None);

        Assert.Equal(before, held);
        Assert.Contains("Late Commit", await NamesAsync(rig, await rig.SearchAsync()));
        Assert.Equal(before + 2, await rig.Index.ReadCheckpointAsync(CancellationToken.None));
    }

    /// <summary>An outbox row with the id given, as a transaction that took its id earlier or later would leave it.</summary>
    private static async Task InsertMessageAsync(IndexerRig rig, long id, int eventId, DateTime createdAt)
    {
        await using var db = rig.Database.CreateContext();
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO outbox_messages (id, type, aggregate_id, payload, created_at) VALUES ({0}, {1}, {2}, '{{}}', {3})",
            id, OutboxMessageTypes.EventScheduled, eventId.ToString(System.Globalization.CultureInfo.InvariantCulture), createdAt);
    }

    private static async Task<List<string>> NamesAsync(IndexerRig rig, SearchResult result)
    {
        var ids = result.Hits.Select(h => h.EventId).ToList();
        await using var db = rig.Database.CreateContext();
        var names = await db.Events.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name);
        return ids.Select(id => names[id]).ToList();
    }
}
