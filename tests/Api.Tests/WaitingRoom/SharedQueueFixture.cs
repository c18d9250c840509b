using System.Security.Cryptography;
using TicketMaster.Api.Tests.Support;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Api.Tests.WaitingRoom;

/// <summary>
/// Two real Api instances sharing one MariaDB database and a redis-server of their own, with
/// <c>ConnectionStrings:Redis</c> set so the waiting room lives in Redis: a scaled-out deployment.
/// Passes last <see cref="PassDuration"/>, so a test can watch one run out. Started by the first
/// test that asks, so a missing service skips (or, under CI, fails) it.
/// </summary>
public sealed class SharedQueueFixture : IAsyncLifetime
{
    public static readonly TimeSpan PassDuration = TimeSpan.FromSeconds(4);

    private readonly Lazy<Task> _started;
    private TestDatabase? _database;

    public SharedQueueFixture() => _started = new Lazy<Task>(StartOnceAsync);

    public RedisServer Redis { get; private set; } = null!;

    public ApiHost A { get; private set; } = null!;

    public ApiHost B { get; private set; } = null!;

    public IReadOnlyDictionary<string, string?> Settings { get; private set; } = null!;

    public User Organizer { get; private set; } = null!;

    public Task StartAsync() => _started.Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (B is not null)
        {
            await B.DisposeAsync();
        }

        Redis?.Stop();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>A new on-sale event with seats, as global ids.</summary>
    public async Task<(string EventId, string[] Seats)> OnSaleEventAsync(DateTime? onSaleAt = null)
    {
        await using var db = _database!.CreateContext();
        var venue = TestData.Venue(rows: 2, seatsPerRow: 10);
        db.Venues.Add(venue);
        await db.SaveChangesAsync();
        var gig = TestData.Event(venue, Organizer.Id, name: GraphQLClient.UniqueName("shared"));
        gig.Arrange(null, null, onSaleAt, null, null);
        gig.PutOnSale();
        db.Events.Add(gig);
        await db.SaveChangesAsync();
        await BulkInserter.InsertAsync(db, gig.CreateInventory(venue), CancellationToken.None);
        return (GlobalId.Encode("Event", gig.Id), venue.AllSeats().Select(s => GlobalId.Encode("Seat", s.Id)).ToArray());
    }

    private async Task StartOnceAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.MySql, "sharedqueue");
        await using (var db = _database.CreateContext())
        {
            Organizer = TestData.User("quinn", Role.Organizer);
            db.Users.Add(Organizer);
            await db.SaveChangesAsync();
        }

        Redis = await RedisServer.StartPrivateAsync();
        Settings = new Dictionary<string, string?>(_database.AppSettings)
        {
            ["DemoData:Size"] = "None",
            ["ConnectionStrings:Redis"] = Redis.Endpoint,
            ["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["WaitingRoom:PassDuration"] = PassDuration.ToString(),
            ["Booking:ExpirySweepInterval"] = "00:00:00",
            ["Events:CancellationRefundInterval"] = "00:00:00",
            ["Events:OnSaleInterval"] = "00:00:00",
            ["Booking:ReconcileInterval"] = "00:00:00",
        };
        A = await ApiHost.StartAsync(Settings);
        B = await ApiHost.StartAsync(Settings);
    }
}
