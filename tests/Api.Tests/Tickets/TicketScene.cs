using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Api.Users;
using TicketMaster.Events;
using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Api.Tests.Tickets;

/// <summary>
/// Two events on sale at a venue, their organizer, another organizer, the venue's manager and an
/// admin, on a database of the test class's own and the real Api over HTTP; buyers buy through the Api.
/// </summary>
public abstract class TicketScene(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>A fixed key, so the tests can also sign codes the way a forger with the wrong key would.</summary>
    public const string SigningSecret = "c2lnbmluZy1rZXktZm9yLXRpY2tldC10ZXN0cy0xMjM0NTY3OA==";

    private TestDatabase? _database;
    private SkipException? _unavailable;

    private ApiHost? _api;

    public ApiHost Api => _unavailable is not null ? throw _unavailable : _api!;

    public User Organizer { get; private set; } = null!;

    public User OtherOrganizer { get; private set; } = null!;

    public User Manager { get; private set; } = null!;

    public User Admin { get; private set; } = null!;

    /// <summary>The Relay ids of the organizer's two events.</summary>
    public string MainEventId { get; private set; } = "";

    public string OtherEventId { get; private set; } = "";

    public DatabaseProvider Provider => provider;

    public virtual async Task InitializeAsync()
    {
        try
        {
            _database = await TestDatabase.CreateAsync(provider, "tickets");
        }
        catch (SkipException skip)
        {
            _unavailable = skip;
            return;
        }

        int mainId, otherId;
        await using (var db = _database.CreateContext())
        {
            (Organizer, OtherOrganizer, Manager, Admin) = (TestData.User("olga", Role.Organizer), TestData.User("otto", Role.Organizer), TestData.User("vera", Role.VenueManager), TestData.User("ada", Role.Admin));
            db.Users.AddRange(Organizer, OtherOrganizer, Manager, Admin);
            await db.SaveChangesAsync();
            var venue = TestData.Venue(rows: 6, seatsPerRow: 10, managerId: Manager.Id);
            db.Venues.Add(venue);
            await db.SaveChangesAsync();
            var events = new[] { TestData.Event(venue, Organizer.Id, name: "Door Night"), TestData.Event(venue, Organizer.Id, name: "Second Night") };
            foreach (var show in events)
            {
                show.PutOnSale();
            }

            db.Events.AddRange(events);
            await db.SaveChangesAsync();
            foreach (var show in events)
            {
                await BulkInserter.InsertAsync(db, show.CreateInventory(venue), CancellationToken.None);
            }

            (mainId, otherId) = (events[0].Id, events[1].Id);
        }

        _api = await StartApiAsync();
        (MainEventId, OtherEventId) = (RelayId("Event", mainId), RelayId("Event", otherId));
    }

    /// <summary>Where the Api writes .eml files when no SMTP host is set.</summary>
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("tm-tickets-").FullName;

    /// <summary>An Api on the scene's database: the scene's own, or another instance beside it.</summary>
    public Task<ApiHost> StartApiAsync(IReadOnlyDictionary<string, string?>? overrides = null) => ApiHost.StartAsync(Settings(overrides));

    /// <summary>The configuration an Api of this scene gets, <paramref name="overrides"/> last.</summary>
    public Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(_database!.AppSettings)
        {
            ["DemoData:Size"] = "None",
            ["Database:DataDirectory"] = DataDirectory,
            ["Tickets:SigningKeys:0:Id"] = "k1",
            ["Tickets:SigningKeys:0:Secret"] = SigningSecret,

            // Off unless a scene is about notifications: nothing else here reads them.
            ["Notifications:Interval"] = "00:00:00",
        };
        Configure(settings);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A scene's own settings over the defaults above.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    public virtual async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Directory.Delete(DataDirectory, recursive: true);
    }

    public GraphQLClient Anonymous => new(Api.CreateHttpClient());

    public GraphQLClient ClientFor(User user) => Anonymous.WithToken(Api.Services.GetRequiredService<AccessTokens>().Issue(user).Token);

    public async Task<T> InDatabaseAsync<T>(Func<TicketMasterDbContext, Task<T>> read)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<TicketMasterDbContext>());
    }

    /// <summary>A buyer reserves <paramref name="count"/> free seats of the event and pays; returns the buyer and the tickets.</summary>
    /// <param name="as">An existing buyer's client; a new buyer when null.</param>
    public async Task<(GraphQLClient Buyer, IReadOnlyList<BoughtTicket> Tickets)> BuyAsync(string eventId, int count = 1, ApiHost? via = null, GraphQLClient? @as = null)
    {
        var buyer = @as ?? await new GraphQLClient((via ?? Api).CreateHttpClient()).SignedInBuyerAsync();
        for (var attempt = 0; ; attempt++)
        {
            var seats = await FreeSeatsAsync(buyer, eventId);
            var reserved = await buyer.DataAsync<ReserveData>(
                "mutation($input: ReserveSeatsInput!) { reserveSeats(input: $input) { reservation { id } errors { __typename } } }",
                new { input = new { eventId, seatIds = seats.Take(count).ToArray() } });
            if (reserved.ReserveSeats.Reservation is { } reservation)
            {
                var confirmed = await buyer.DataAsync<ConfirmData>(
                    "mutation($input: ConfirmReservationInput!) { confirmReservation(input: $input) { order { id tickets { id code status } } errors { __typename } } }",
                    new { input = new { reservationId = reservation.Id, paymentToken = "tok_visa", idempotencyKey = Guid.NewGuid().ToString() } });
                return (buyer, confirmed.ConfirmReservation.Order?.Tickets ?? throw new InvalidOperationException($"Confirming failed: {confirmed.ConfirmReservation.Errors?[0].Typename}"));
            }

            // Another test bought the same seats between the look and the hold: look again.
            Assert.True(attempt < 5, $"Could not reserve: {reserved.ReserveSeats.Errors?[0].Typename}");
        }
    }

    public static string RelayId(string type, int id) => TicketMaster.GraphQL.Relay.GlobalId.Encode(type, id);

    private static async Task<string[]> FreeSeatsAsync(GraphQLClient client, string eventId)
    {
        var data = await client.DataAsync<SectionsData>("query($id: ID!) { eventById(id: $id) { sections { id } } }", new { id = eventId });
        var seats = new List<string>();
        foreach (var section in data.EventById.Sections)
        {
            var free = await client.DataAsync<SeatsData>(
                "query($id: ID!, $section: ID!) { eventById(id: $id) { seats(sectionId: $section, status: AVAILABLE) { id } } }", new { id = eventId, section = section.Id });
            seats.AddRange(free.EventById.Seats.Select(s => s.Id));
        }

        return [.. seats.OrderBy(_ => Random.Shared.Next())];
    }

    private sealed record ReserveData(ReservePayload ReserveSeats);

    private sealed record ReservePayload(Node? Reservation, IReadOnlyList<PayloadError>? Errors);

    private sealed record ConfirmData(ConfirmPayload ConfirmReservation);

    private sealed record ConfirmPayload(BoughtOrder? Order, IReadOnlyList<PayloadError>? Errors);

    private sealed record BoughtOrder(string Id, IReadOnlyList<BoughtTicket> Tickets);

    private sealed record SectionsData(SectionsOf EventById);

    private sealed record SectionsOf(IReadOnlyList<Node> Sections);

    private sealed record SeatsData(SeatsOf EventById);

    private sealed record SeatsOf(IReadOnlyList<Node> Seats);
}

public sealed record BoughtTicket(string Id, string Code, string Status);

public sealed class SqliteTicketScene() : TicketScene(DatabaseProvider.Sqlite);

public sealed class MariaDbTicketScene() : TicketScene(DatabaseProvider.MySql);
