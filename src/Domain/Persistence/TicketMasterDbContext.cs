using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Events;
using TicketMaster.Orders;
using TicketMaster.Outbox;
using TicketMaster.Performers;
using TicketMaster.Users;
using TicketMaster.Venues;

namespace TicketMaster.Persistence;

/// <summary>
/// The one context for every table, and the unit of work the use cases use directly (no
/// repositories): queries are EF LINQ, and the only hand-written SQL is the booking path's locking
/// read and writes (<see cref="Booking.IBookingStore"/>) and the bulk loader.
/// SaveChanges writes the domain events tracked entities recorded as outbox rows, in the same
/// transaction as the changes themselves, so no caller can forget them.
/// </summary>
/// <remarks>
/// The core declares the sets; the mapping to tables (names, keys, indexes, conversions) and the
/// provider are Infrastructure's, which applies the model through an <c>IModelCustomizer</c>
/// wherever it builds options (ADR 0012).
/// </remarks>
public sealed class TicketMasterDbContext(DbContextOptions<TicketMasterDbContext> options) : DbContext(options)
{
    /// <summary>Set on the model builder by Infrastructure's model customizer while it runs <see cref="OnModelCreating"/>.</summary>
    internal const string MappingAnnotation = "TicketMaster:Mapping";

    /// <summary>Pomelo's provider name (what its <c>Database.IsMySql()</c> compares with), spelt here so the core needs no provider.</summary>
    private const string MySqlProviderName = "Pomelo.EntityFrameworkCore.MySql";

    private bool? _isMySql;
    private TimeProvider? _clock;

    /// <summary>
    /// Whether this context talks to MySQL/MariaDB, decided once. Pomelo's <c>Database.IsMySql()</c>
    /// reads the provider's assembly name through <c>Assembly.GetName()</c> on every call, which was
    /// 1.5% of the Api's CPU per reservation on the booking path that asks it three times.
    /// </summary>
    /// <remarks>A pooled context keeps the answer across leases; its options never change.</remarks>
    public bool IsMySql => _isMySql ??= Database.ProviderName == MySqlProviderName;

    /// <summary>
    /// Stamps outbox rows: the application's clock when the context comes from its container (so a
    /// test's fake clock and the indexer's gap window agree), the system clock otherwise.
    /// </summary>
    internal TimeProvider Clock => _clock ??=
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;

    /// <summary>
    /// Told of each outbox row written from recorded events once its id is known, for whoever
    /// publishes after the commit (a booking step, see BookingTransaction). Rows written after
    /// an insert that generated their entity's key are not reported: nothing publishes those.
    /// </summary>
    internal Action<PendingOutboxMessage>? OutboxWritten { get; set; }

    public DbSet<User> Users => Set<User>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<Venue> Venues => Set<Venue>();

    public DbSet<Section> Sections => Set<Section>();

    public DbSet<SeatRow> SeatRows => Set<SeatRow>();

    public DbSet<Seat> Seats => Set<Seat>();

    public DbSet<Performer> Performers => Set<Performer>();

    public DbSet<Event> Events => Set<Event>();

    public DbSet<EventSectionPrice> EventSectionPrices => Set<EventSectionPrice>();

    public DbSet<EventPerformer> EventPerformers => Set<EventPerformer>();

    public DbSet<EventSeat> EventSeats => Set<EventSeat>();

    public DbSet<Hold> Holds => Set<Hold>();

    public DbSet<HoldSeat> HoldSeats => Set<HoldSeat>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<Refund> Refunds => Set<Refund>();
    public DbSet<Tickets.CheckIn> CheckIns => Set<Tickets.CheckIn>();

    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();

    public DbSet<Notifications.NotificationCursor> NotificationCursors => Set<Notifications.NotificationCursor>();

    public DbSet<Notifications.NotificationPreferences> NotificationPreferences => Set<Notifications.NotificationPreferences>();

    public DbSet<OrganizerWebhooks.WebhookEndpoint> WebhookEndpoints => Set<OrganizerWebhooks.WebhookEndpoint>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<WaitingRoom.WaitingRoomSettings> WaitingRooms => Set<WaitingRoom.WaitingRoomSettings>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        Recording().Count == 0
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : throw new NotSupportedException("Entities that recorded domain events are saved with SaveChangesAsync, which writes their outbox rows.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var recording = Recording();
        if (recording.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        int saved;
        if (recording.Any(entry => entry.Properties.Any(property => property.IsTemporary)))
        {
            saved = await InsertThenWriteEventsAsync(recording, cancellationToken);
            if (acceptAllChangesOnSuccess)
            {
                ChangeTracker.AcceptAllChanges();
            }
        }
        else
        {
            saved = await SaveWithEventsAsync(recording, acceptAllChangesOnSuccess, cancellationToken);
        }

        recording.ForEach(entry => ((IHasDomainEvents)entry.Entity).ClearDomainEvents());
        return saved;
    }

    /// <summary>Every key is known: the rows join EF's own batch, beside the changes they describe.</summary>
    private async Task<int> SaveWithEventsAsync(List<EntityEntry> recording, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var messages = DomainEventOutbox.Messages(recording.Select(entry => (IHasDomainEvents)entry.Entity), Clock.GetUtcNow().UtcDateTime);
        OutboxMessages.AddRange(messages.Select(m => m.Message));
        int saved;
        try
        {
            saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch
        {
            // The events stay recorded: a second SaveChanges must not find these rows as well.
            messages.ForEach(m => Entry(m.Message).State = EntityState.Detached);
            throw;
        }

        messages.ForEach(m => OutboxWritten?.Invoke(m));
        return saved;
    }

    /// <summary>
    /// A new entity's event needs the key its insert generates (a scheduled event's id): insert the
    /// changes, then the rows, in one transaction (the caller's, or one of our own inside the
    /// retrying strategy, as EF would for a single SaveChanges). Changes are accepted only after
    /// the commit, so a retried attempt inserts them again.
    /// </summary>
    private async Task<int> InsertThenWriteEventsAsync(List<EntityEntry> recording, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await InsertThenWriteOnceAsync(recording, cancellationToken);
        }

        return await Database.CreateExecutionStrategy().ExecuteAsync(recording, async (_, entries, token) =>
        {
            await using var transaction = await Database.BeginTransactionAsync(token);
            var saved = await InsertThenWriteOnceAsync(entries, token);
            await transaction.CommitAsync(token);
            return saved;
        }, verifySucceeded: null, cancellationToken);
    }

    private async Task<int> InsertThenWriteOnceAsync(List<EntityEntry> recording, CancellationToken cancellationToken)
    {
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
        var messages = WithGeneratedValuesShown(recording, () => DomainEventOutbox.Messages(recording.Select(entry => (IHasDomainEvents)entry.Entity), Clock.GetUtcNow().UtcDateTime));
        await DomainEventOutbox.InsertAsync(this, messages.Select(m => m.Message).ToList(), cancellationToken);
        return saved;
    }

    /// <summary>
    /// Until AcceptAllChanges, EF keeps the values an insert generated (keys, and foreign keys to
    /// new rows) in its entries, not in the entities the events read. Shows them on the recording
    /// entities while <paramref name="build"/> runs, then puts the entities back as EF left them, so
    /// a retried attempt still inserts them as new. Nothing asks EF to detect changes meanwhile.
    /// </summary>
    private static T WithGeneratedValuesShown<T>(List<EntityEntry> recording, Func<T> build)
    {
        var shown = new List<(object Entity, System.Reflection.PropertyInfo Property, object? Was)>();
        foreach (var entry in recording.Where(entry => entry.State == EntityState.Added))
        {
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.PropertyInfo is { } clr && property.CurrentValue is var generated && !Equals(clr.GetValue(entry.Entity), generated))
                {
                    shown.Add((entry.Entity, clr, clr.GetValue(entry.Entity)));
                    clr.SetValue(entry.Entity, generated);
                }
            }
        }

        try
        {
            return build();
        }
        finally
        {
            shown.ForEach(value => value.Property.SetValue(value.Entity, value.Was));
        }
    }

    private List<EntityEntry> Recording() =>
        ChangeTracker.Entries().Where(entry => entry.Entity is IHasDomainEvents { HasDomainEvents: true }).ToList();

    /// <summary>
    /// The mapping is applied around this call by Infrastructure's model customizer. Without it EF
    /// would build a model of its own conventions (PascalCase tables no database has), so fail here
    /// with the fix rather than at the first query.
    /// </summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (modelBuilder.Model.FindAnnotation(MappingAnnotation) is null)
        {
            throw new InvalidOperationException(
                "TicketMasterDbContext has no model mapping: build its options with DatabaseRegistration.Configure, or call UseTicketMasterModel() on them (TicketMaster.Infrastructure).");
        }
    }
}
