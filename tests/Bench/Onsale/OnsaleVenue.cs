using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using TicketMaster.DemoData;
using TicketMaster.Events;
using TicketMaster.Persistence;
using TicketMaster.Users;
using TicketMaster.Venues;

namespace TicketMaster.Bench.Onsale;

public sealed record Buyer(int Index, User Account)
{
    public int UserId => Account.Id;

    public string Email => Account.Email;

    public string? AccessToken { get; set; }
}

/// <summary>
/// The on-sale's data, bulk-loaded straight into the database: buyer accounts sharing one password
/// hash, one arena of 25-row × 20-seat sections (section 1 is the best, prices fall with distance),
/// and several on-sale events over the same seat map, one per phase, so phases never share seats.
/// </summary>
public sealed class OnsaleVenue
{
    public const string Password = "bench-password-1";
    public const int RowsPerSection = 25;
    public const int SeatsPerRow = 20;
    public const int SeatsPerSection = RowsPerSection * SeatsPerRow;

    private OnsaleVenue(IReadOnlyList<Buyer> buyers, int[][][] seatIds, IReadOnlyDictionary<string, int> events)
    {
        Buyers = buyers;
        SeatIds = seatIds;
        Events = events;
    }

    public IReadOnlyList<Buyer> Buyers { get; }

    /// <summary>Seat ids by [section][row][seat], all zero-based; section 0 and row 0 are the best.</summary>
    public int[][][] SeatIds { get; }

    /// <summary>Event id by phase name.</summary>
    public IReadOnlyDictionary<string, int> Events { get; }

    public int SeatCount => SeatIds.Length * SeatsPerSection;

    /// <summary>Migrates the empty MySQL database exactly as the Api does (before the Api starts), then seeds it.</summary>
    public static async Task<OnsaleVenue> CreateAsync(
        string connectionString, string serverVersion, int buyerCount, int seats, IReadOnlyList<string> phases, CancellationToken cancellationToken)
    {
        var databaseOptions = new DatabaseOptions { Provider = DatabaseProvider.MySql, ServerVersion = serverVersion, ConnectionString = connectionString };
        var builder = new DbContextOptionsBuilder<TicketMasterDbContext>();
        DatabaseRegistration.Configure(builder, databaseOptions);
        await using var db = new TicketMasterDbContext(builder.Options);
        await new DatabaseInitializer(db, databaseOptions, TimeProvider.System, NullLogger<DatabaseInitializer>.Instance)
            .InitializeAsync(new DemoDataOptions { Size = DemoDataSize.None }, cancellationToken);
        return await SeedAsync(db, buyerCount, seats, phases, cancellationToken);
    }

    private static async Task<OnsaleVenue> SeedAsync(TicketMasterDbContext db, int buyerCount, int seats, IReadOnlyList<string> phases, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;

        // Hashed once: PBKDF2 at Identity's default cost takes tens of milliseconds per hash.
        var hash = new PasswordHasher<User>().HashPassword(null!, Password);
        var organizer = User.Register("bench-organizer", "bench-organizer@example.com", hash, now, Role.Organizer);
        organizer.Id = 1;
        var users = new List<User> { organizer };
        var buyers = new List<Buyer>();
        for (var i = 0; i < buyerCount; i++)
        {
            var email = $"buyer{i:D6}@bench.example.com";
            var user = User.Register($"buyer{i:D6}", email, hash, now);
            user.Id = users.Count + 1;
            users.Add(user);
            buyers.Add(new Buyer(i, user));
        }

        var sectionCount = (seats + SeatsPerSection - 1) / SeatsPerSection;
        var venue = Venue.Create("Bench Arena", "1 Load Street", "Berlin", "DE", 52.52, 13.40, "Europe/Berlin");
        for (var s = 0; s < sectionCount; s++)
        {
            var section = venue.AddSection($"Section {s + 1:D3}");
            for (var r = 0; r < RowsPerSection; r++)
            {
                var row = section.AddRow($"R{r + 1}");
                for (var n = 1; n <= SeatsPerRow; n++)
                {
                    row.AddSeat(n, n, r + 1);
                }
            }
        }

        venue.AssignKeys(1, 1, 1, 1);
        var seatIds = venue.Sections.Select(s => s.Rows.Select(r => r.Seats.Select(seat => seat.Id).ToArray()).ToArray()).ToArray();
        var prices = venue.Sections.ToDictionary(s => s.Id, s => decimal.Round(250m - (200m * s.Position / sectionCount)));

        var events = new List<Event>();
        foreach (var phase in phases)
        {
            var @event = Event.Schedule($"Bench on-sale ({phase})", "", EventCategory.Concert, now.AddDays(60), venue, organizer.Id, "EUR", prices, [], now);
            @event.AssignKey(events.Count + 1);
            @event.PutOnSale();
            events.Add(@event);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BulkInserter.InsertAsync(db, users, cancellationToken);
        await BulkInserter.InsertAsync(db, [venue], cancellationToken);
        await BulkInserter.InsertAsync(db, venue.Sections, cancellationToken);
        await BulkInserter.InsertAsync(db, venue.Sections.SelectMany(s => s.Rows), cancellationToken);
        await BulkInserter.InsertAsync(db, venue.AllSeats(), cancellationToken);
        await BulkInserter.InsertAsync(db, events, cancellationToken);
        await BulkInserter.InsertAsync(db, events.SelectMany(e => e.Prices), cancellationToken);
        await BulkInserter.InsertAsync(db, events.SelectMany(e => e.CreateInventory(venue)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return new OnsaleVenue(buyers, seatIds, phases.Select((phase, i) => (phase, events[i].Id)).ToDictionary(p => p.phase, p => p.Id));
    }
}
