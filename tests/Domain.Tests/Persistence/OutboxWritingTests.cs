using Microsoft.EntityFrameworkCore;
using TicketMaster.Events;
using TicketMaster.Outbox;
using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Domain.Tests.Persistence;

/// <summary>SaveChanges writes the outbox rows of what tracked entities recorded, in the changes' own transaction.</summary>
public sealed class OutboxWritingTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task Cancelling_an_event_writes_its_outbox_message_in_the_same_SaveChanges(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, "outbox_cancel");
        var eventId = await SaveOnSaleEventAsync(database);
        var commands = new CommandCounter();

        await using (var db = database.CreateContext(commands))
        {
            var gig = await db.Events.SingleAsync(e => e.Id == eventId);
            commands.Reset();
            gig.Cancel();
            await db.SaveChangesAsync();
        }

        // MySQL: one batch, the status UPDATE and the outbox INSERT travel together. SQLite runs in
        // process and EF sends it a command per statement.
        Assert.Equal(provider == DatabaseProvider.MySql ? 1 : 2, commands.Count);
        var message = Assert.Single(await MessagesAsync(database));
        Assert.Equal((OutboxMessageTypes.EventStatusChanged, $"{eventId}"), (message.Type, message.AggregateId));
        Assert.Equal(new EventStatusChanged(eventId, EventStatus.OnSale, EventStatus.Cancelled), message.ReadPayload<EventStatusChanged>());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task A_rolled_back_transaction_writes_no_outbox_row(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, "outbox_rollback");
        var eventId = await SaveOnSaleEventAsync(database);

        await using (var db = database.CreateContext())
        {
            // MySQL's retrying strategy wants a caller's transaction inside it.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                (await db.Events.SingleAsync(e => e.Id == eventId)).Cancel();
                var organizer = TestData.User("late", Role.Organizer);
                var venue = TestData.Venue("Second Hall");
                db.AddRange(organizer, venue);
                await db.SaveChangesAsync();
                db.Events.Add(TestData.Event(venue, organizer.Id, name: "Never Happened"));
                await db.SaveChangesAsync();
                Assert.Equal(2, await db.OutboxMessages.CountAsync());
                await transaction.RollbackAsync();
            });
        }

        Assert.Empty(await MessagesAsync(database));
        await using var check = database.CreateContext();
        Assert.Equal(EventStatus.OnSale, (await check.Events.SingleAsync(e => e.Id == eventId)).Status);
        Assert.False(await check.Events.AnyAsync(e => e.Name == "Never Happened"));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task A_new_event_is_scheduled_in_the_outbox_under_the_id_its_insert_generated_and_only_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, "outbox_schedule");
        Event gig;
        await using (var db = database.CreateContext())
        {
            var organizer = TestData.User("olga", Role.Organizer);
            var venue = TestData.Venue();
            db.AddRange(organizer, venue);
            await db.SaveChangesAsync();

            gig = TestData.Event(venue, organizer.Id);
            gig.PutOnSale();
            db.Events.Add(gig);
            await db.SaveChangesAsync();
            await db.SaveChangesAsync();
        }

        var messages = await MessagesAsync(database);
        Assert.Equal([OutboxMessageTypes.EventScheduled, OutboxMessageTypes.EventStatusChanged], messages.Select(m => m.Type));
        Assert.All(messages, m => Assert.Equal($"{gig.Id}", m.AggregateId));
        Assert.Equal(new EventScheduled(gig.Id, gig.VenueId, gig.Name, gig.StartsAt), messages[0].ReadPayload<EventScheduled>());
        Assert.True(gig.Id > 0 && gig.VenueId > 0);
        Assert.False(gig.HasDomainEvents);
    }

    private static async Task<int> SaveOnSaleEventAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var organizer = TestData.User("olga", Role.Organizer);
        var venue = TestData.Venue();
        db.AddRange(organizer, venue);
        await db.SaveChangesAsync();
        var gig = TestData.Event(venue, organizer.Id);
        gig.PutOnSale();
        db.Events.Add(gig);
        await db.SaveChangesAsync();
        await db.OutboxMessages.ExecuteDeleteAsync();
        return gig.Id;
    }

    private static async Task<List<OutboxMessage>> MessagesAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.OutboxMessages.OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>Counts the commands (round trips) the context sends.</summary>
    private sealed class CommandCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private int _count;

        public int Count => _count;

        public void Reset() => _count = 0;

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> NonQueryExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
