using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Events;
using TicketMaster.GraphQL;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Tests.Faults;

/// <summary>
/// The database stops answering mid on-sale (here: another process holds SQLite's write lock past the Api's busy
/// timeout, as a restarting server would refuse connections). A buyer gets a typed error that says "try again",
/// never INTERNAL_SERVER_ERROR; nothing is half-written; and once the database answers again the same Api serves
/// the same request without a restart.
/// </summary>
public sealed class DatabaseOutageTests
{
    private const string Reserve = """
        mutation($input: ReserveSeatsInput!) {
          reserveSeats(input: $input) { reservation { id status } errors { __typename ... on Error { message } } }
        }
        """;

    [Fact]
    public async Task A_database_that_stops_answering_gives_a_retryable_error_changes_nothing_and_the_api_recovers()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "outage");
        int eventId;
        int[] seatIds;
        await using (var db = database.CreateContext())
        {
            var organizer = TestData.User("olga", TicketMaster.Users.Role.Organizer);
            var venue = TestData.Venue(rows: 2, seatsPerRow: 4);
            db.AddRange(organizer, venue);
            await db.SaveChangesAsync();
            var show = Event.Schedule("Outage Night", "", EventCategory.Concert, DateTime.UtcNow.AddDays(30), venue, organizer.Id, "EUR",
                venue.Sections.ToDictionary(s => s.Id, _ => 40m), [], DateTime.UtcNow);
            show.PutOnSale();
            db.Add(show);
            await db.SaveChangesAsync();
            await BulkInserter.InsertAsync(db, show.CreateInventory(venue), CancellationToken.None);
            (eventId, seatIds) = (show.Id, [.. venue.AllSeats().Select(s => s.Id).Order().Take(2)]);
        }

        // A one-second busy timeout: the Api gives up on a locked database quickly, as it would on a dead server.
        var settings = new Dictionary<string, string?>(database.AppSettings)
        {
            ["DemoData:Size"] = "None",
            [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = new SqliteConnectionStringBuilder(database.ConnectionString) { DefaultTimeout = 1 }.ToString(),
            ["Booking:ExpirySweepInterval"] = "00:00:00",
            ["Booking:ReconcileInterval"] = "00:00:00",
            ["Notifications:Interval"] = "00:00:00",
            ["Indexer:RunInApi"] = "false",
        };
        await using var api = await ApiHost.StartAsync(settings);
        var buyer = await new GraphQLClient(api.CreateHttpClient()).SignedInBuyerAsync();
        var input = new { input = new { eventId = GlobalId.Encode("Event", eventId), seatIds = seatIds.Select(id => GlobalId.Encode("Seat", id)).ToArray() } };

        JsonElement during;
        await using (var outage = new SqliteConnection(database.ConnectionString))
        {
            await outage.OpenAsync();
            await using var lockAll = outage.CreateCommand();
            lockAll.CommandText = "BEGIN EXCLUSIVE";
            await lockAll.ExecuteNonQueryAsync();

            during = await buyer.PostAsync(Reserve, input);

            // The outage ends (a pooled connection would otherwise keep the lock after Dispose).
            lockAll.CommandText = "ROLLBACK";
            await lockAll.ExecuteNonQueryAsync();
        }

        var codes = during.TryGetProperty("errors", out var errors)
            ? errors.EnumerateArray().Select(e => e.GetProperty("extensions").GetProperty("code").GetString()).ToList()
            : [];
        Assert.True(codes.Count > 0 && codes.All(c => c is ServiceUnavailableError.ErrorCode or "TRY_AGAIN"), $"Expected SERVICE_UNAVAILABLE or TRY_AGAIN, got {during}");
        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.Holds.CountAsync());
            Assert.True(await db.EventSeats.Where(s => s.EventId == eventId).AllAsync(s => s.HoldId == null));
        }

        var after = await buyer.PostAsync(Reserve, input);
        Assert.True(
            after.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.GetProperty("reserveSeats").GetProperty("reservation") is { ValueKind: JsonValueKind.Object } held && held.GetProperty("status").GetString() == "HELD",
            $"Expected the seats held once the database answers, got {after}");
    }
}
