using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Events;
using TicketMaster.Orders;
using TicketMaster.Outbox;
using TicketMaster.Performers;
using TicketMaster.Users;
using TicketMaster.Venues;

namespace TicketMaster.Persistence;

/// <summary>
/// The one context for every table. Used directly (no repositories): queries are EF LINQ,
/// and the only hand-written SQL is the booking path's locking read and writes (BookingSql) and the bulk loader.
/// </summary>
public sealed class TicketMasterDbContext(DbContextOptions<TicketMasterDbContext> options) : DbContext(options)
{
    private bool? _isMySql;

    /// <summary>
    /// Whether this context talks to MySQL/MariaDB, decided once. Pomelo's <c>Database.IsMySql()</c>
    /// reads the provider's assembly name through <c>Assembly.GetName()</c> on every call, which was
    /// 1.5% of the Api's CPU per reservation on the booking path that asks it three times.
    /// </summary>
    /// <remarks>A pooled context keeps the answer across leases; its options never change.</remarks>
    public bool IsMySql => _isMySql ??= Database.IsMySql();

    public DbSet<User> Users => Set<User>();

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

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every stored time is UTC; this converter restores DateTimeKind.Utc on the way out,
        // which neither MySQL's DATETIME nor SQLite's TEXT remember.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasCharSet("utf8mb4");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TicketMasterDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }
}
