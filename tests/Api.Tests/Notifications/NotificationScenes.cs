using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Api.Tests.Tickets;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Tests.Notifications;

/// <summary>The ticket scene with the notification job running fast and email going to a real SMTP server.</summary>
public abstract class MailScene(DatabaseProvider provider) : TicketScene(provider)
{
    private SmtpSink? _smtp;

    public SmtpSink Smtp => _smtp!;

    /// <summary>The port the Api sends to; a scene whose mail server is down starts no sink on it at first.</summary>
    protected int SmtpPort { get; private set; }

    protected virtual bool MailServerUp => true;

    /// <summary>How long the mail server sits on its first message before acknowledging it.</summary>
    protected virtual TimeSpan HoldFirstMessage => TimeSpan.Zero;

    public override async Task InitializeAsync()
    {
        SmtpPort = ServerProcess.FreePort();
        if (MailServerUp)
        {
            _smtp = await SmtpSink.StartAsync(SmtpPort, HoldFirstMessage);
        }

        await base.InitializeAsync();
    }

    /// <summary>Starts the mail server on the port the Api has been failing to reach.</summary>
    public async Task StartMailServerAsync() => _smtp ??= await SmtpSink.StartAsync(SmtpPort);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _smtp?.Dispose();
    }

    /// <summary>How long a test waits for the notification job (every 100 ms here) to get something done.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Reads until <paramref name="done"/> holds and returns that read; fails after <see cref="Patience"/>.</summary>
    public static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Not done within {Patience}: {value}");
            await Task.Delay(50);
        }
    }

    /// <summary>The signed-in caller's user id, read from <c>me</c>.</summary>
    public static async Task<int> UserIdAsync(GraphQLClient client)
    {
        var id = (await client.DataAsync("{ me { id } }")).GetProperty("me").GetProperty("id").GetString();
        Assert.True(GlobalId.TryDecode(id, out _, out var key));
        return int.Parse(key, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A new on-sale event at the scene's first venue, 20 EUR a seat, named <paramref name="prefix"/> and a unique suffix.</summary>
    public Task<int> ScheduleAsync(string prefix, DateTime startsAt) => InDatabaseAsync(async db =>
    {
        var venue = await db.Venues.Include(v => v.Sections).ThenInclude(s => s.Rows).ThenInclude(r => r.Seats).FirstAsync();
        var show = global::TicketMaster.Events.Event.Schedule(
            GraphQLClient.UniqueName(prefix), "Made for one test.", global::TicketMaster.Events.EventCategory.Concert, startsAt, venue, Organizer.Id, "EUR",
            venue.Sections.ToDictionary(s => s.Id, _ => 20m), [], DateTime.UtcNow);
        show.PutOnSale();
        db.Events.Add(show);
        await db.SaveChangesAsync();
        await BulkInserter.InsertAsync(db, show.CreateInventory(venue), CancellationToken.None);
        return show.Id;
    });

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Notifications:Interval"] = "00:00:00.100";
        settings["Notifications:GapWindow"] = "00:00:00";
        settings["Notifications:MaxAttempts"] = "2";
        settings["Notifications:RetryBase"] = "00:00:00.100";
        settings["Mail:Smtp:Host"] = "127.0.0.1";
        settings["Mail:Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Mail:Smtp:Security"] = "None";
        settings["Mail:Smtp:Timeout"] = "00:00:02";
    }
}

public sealed class SqliteMailScene() : MailScene(DatabaseProvider.Sqlite);

public sealed class MariaDbMailScene() : MailScene(DatabaseProvider.MySql);

/// <summary>A mail scene whose SMTP server is down until the test starts it.</summary>
public sealed class MailServerDownScene() : MailScene(DatabaseProvider.Sqlite)
{
    protected override bool MailServerUp => false;
}

/// <summary>The embedded default: no SMTP host, so email lands as .eml files under the data directory.</summary>
public sealed class PickupScene() : TicketScene(DatabaseProvider.Sqlite)
{
    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Notifications:Interval"] = "00:00:00.100";
        settings["Notifications:GapWindow"] = "00:00:00";
    }
}

/// <summary>
/// A mail server that stores the first message and then sits on it, so the sender can be killed
/// between the server having it and the sender recording it. The scene's own Api sends nothing.
/// </summary>
public sealed class CrashScene() : MailScene(DatabaseProvider.Sqlite)
{
    protected override TimeSpan HoldFirstMessage => TimeSpan.FromMinutes(2);

    protected override void Configure(Dictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Notifications:Interval"] = "00:00:00";
        settings["Notifications:Lease"] = "00:00:03";
    }
}
