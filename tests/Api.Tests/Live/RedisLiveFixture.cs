using System.Security.Cryptography;
using StackExchange.Redis;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Tests.Live;

/// <summary>
/// Two real Api instances on Kestrel sharing one MariaDB database and one redis-server of their own
/// (restartable), with <c>Availability:Bus=Redis</c>: what a scaled-out deployment runs. Holds last
/// six seconds (EXPIRING_SOON three seconds before), the sweep is off so only bookings change seats,
/// and a socket queues at most <see cref="QueuedResults"/> results per operation. Started by the
/// first test that asks (<see cref="StartAsync"/>), so a missing service skips (or, under CI, fails) it.
/// </summary>
public sealed class RedisLiveFixture : IAsyncLifetime
{
    public const int QueuedResults = 16;
    public static readonly TimeSpan HoldDuration = TimeSpan.FromSeconds(6);
    public static readonly TimeSpan ExpiringSoonNotice = TimeSpan.FromSeconds(3);

    private readonly Lazy<Task> _started;
    private TestDatabase? _database;

    public RedisLiveFixture() => _started = new Lazy<Task>(StartOnceAsync);

    public RedisServer Redis { get; private set; } = null!;

    public ApiHost A { get; private set; } = null!;

    public ApiHost B { get; private set; } = null!;

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

    /// <summary>Subscribers of <paramref name="channel"/> as Redis counts them (each Api instance is one).</summary>
    public async Task<long> RedisSubscribersAsync(RedisChannel channel)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Redis.Endpoint);
        var reply = await redis.GetDatabase().ExecuteAsync("PUBSUB", "NUMSUB", channel.ToString());
        return (long)((RedisResult[])reply!)[1];
    }

    private async Task StartOnceAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.MySql, "redislive");
        await using (var db = _database.CreateContext())
        {
            var organizer = TestData.User("rosa", TicketMaster.Users.Role.Organizer);
            var venue = TestData.Venue("Redis Hall", rows: 5, seatsPerRow: 20);
            db.AddRange(organizer, venue);
            await db.SaveChangesAsync();
            var events = new[] { "Redis Restart", "Redis Instances", "Redis Slow", "Redis Expiry" }.Select(name => TestData.Event(venue, organizer.Id, name: name)).ToList();
            events.ForEach(e => e.PutOnSale());
            db.Events.AddRange(events);
            await db.SaveChangesAsync();
            foreach (var scheduled in events)
            {
                await BulkInserter.InsertAsync(db, scheduled.CreateInventory(venue), CancellationToken.None);
            }
        }

        Redis = await RedisServer.StartPrivateAsync();
        var settings = new Dictionary<string, string?>(_database.AppSettings)
        {
            ["DemoData:Size"] = "None",
            ["Availability:Bus"] = "Redis",
            ["ConnectionStrings:Redis"] = Redis.Endpoint,
            ["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Booking:MaxActiveHoldsPerEvent"] = "1000",
            ["Booking:HoldDuration"] = HoldDuration.ToString(),
            ["Booking:ExpirySweepInterval"] = "00:00:00",
            ["Events:CancellationRefundInterval"] = "00:00:00",
            ["Events:OnSaleInterval"] = "00:00:00",
            ["Booking:ReconcileInterval"] = "00:00:00",
            ["Availability:ExpiringSoonNotice"] = ExpiringSoonNotice.ToString(),
            ["GraphQL:WebSockets:MaxQueuedResultsPerOperation"] = QueuedResults.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        A = await ApiHost.StartAsync(settings);
        B = await ApiHost.StartAsync(settings);
    }
}
