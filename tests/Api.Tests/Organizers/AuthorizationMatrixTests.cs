using System.Text.Json;
using TicketMaster.Api.Tests.Support;
using TicketMaster.GraphQL.Authorization;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Users;

namespace TicketMaster.Api.Tests.Organizers;

/// <summary>
/// Every selling-side mutation, run as each kind of caller against the same venue, event and
/// performer: the callers the matrix admits get past authorization, everyone else gets
/// `NotAuthorizedError` (or `AUTH_NOT_AUTHENTICATED` without a token). The matrix is published in
/// docs/authorization.md; a mutation in the schema that is in neither the matrix nor the list of
/// mutations covered by other tests fails.
/// </summary>
public sealed class AuthorizationMatrixTests(SellingOnSqlite scene) : IClassFixture<SellingOnSqlite>
{
    public static readonly string[] Callers = ["anonymous", "attendee", "organizer", "other organizer", "venue manager", "other manager", "admin"];

    /// <summary>Mutation → the callers that may run it (the event's organizer is "organizer", the venue's manager "venue manager").</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Matrix = new Dictionary<string, string[]>
    {
        ["createVenue"] = ["venue manager", "other manager", "admin"],
        ["updateVenue"] = ["venue manager", "admin"],
        ["assignVenueManager"] = ["admin"],
        ["layOutSeatMap"] = ["venue manager", "admin"],
        ["importSeatMap"] = ["venue manager", "admin"],
        ["createPerformer"] = ["organizer", "other organizer", "admin"],
        ["updatePerformer"] = ["organizer", "admin"],
        ["createEvent"] = ["organizer", "other organizer", "admin"],
        ["updateEvent"] = ["organizer", "admin"],
        ["publishEvent"] = ["organizer", "admin"],
        ["cancelEvent"] = ["organizer", "admin"],
        ["pauseSales"] = ["organizer", "admin"],
        ["resumeSales"] = ["organizer", "admin"],
    };

    /// <summary>
    /// Mutations whose callers (anonymous and foreign ones included) are tested in their own features' tests:
    /// buying and accounts, refunds (RefundOrderTests), the door (CheckInTests), notifications
    /// (NotificationTests, DeadNotificationTests), organizer webhooks (OrganizerWebhookTests) and the waiting room (WaitingRoomApiTests).
    /// </summary>
    private static readonly string[] CoveredElsewhere =
    [
        "register", "login", "refreshAccessToken", "logout", "reserveSeats", "reserveBestAvailable", "releaseReservation", "confirmReservation",
        "refundOrder", "checkInTicket", "uploadScans", "markNotificationsRead", "retryNotification", "updateNotificationPreferences",
        "addWebhookEndpoint", "removeWebhookEndpoint", "redeliverWebhook",
        "configureWaitingRoom", "joinWaitingRoom", "leaveWaitingRoom",
    ];

    [Fact]
    public async Task Every_selling_mutation_admits_exactly_the_callers_of_the_matrix()
    {
        var (venueId, eventId, performerId) = await ResourcesAsync();
        var wrong = new List<string>();

        foreach (var (mutation, allowed) in Matrix)
        {
            foreach (var caller in Callers)
            {
                var (query, variables) = Call(mutation, venueId, eventId, performerId);
                var response = await ClientFor(caller).PostAsync(query, variables);
                var outcome = Outcome(response, mutation);
                var expected = allowed.Contains(caller) ? "allowed" : caller == "anonymous" ? FieldAuthorization.NotAuthenticatedCode : "NotAuthorizedError";
                if (outcome != expected)
                {
                    wrong.Add($"{mutation} as {caller}: expected {expected}, got {outcome}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Every_mutation_in_the_schema_is_in_the_matrix_or_covered_by_its_features_tests()
    {
        var schema = await scene.Anonymous.DataAsync("{ __schema { mutationType { fields { name } } } }");
        var mutations = schema.GetProperty("__schema").GetProperty("mutationType").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()!);

        Assert.Empty(mutations.Except(Matrix.Keys).Except(CoveredElsewhere));
    }

    [Fact]
    public void The_published_table_is_the_matrix()
    {
        var table = File.ReadAllText(Path.Combine(Repository.Root, "docs", "authorization.md"));

        foreach (var (mutation, allowed) in Matrix)
        {
            Assert.Contains($"| `{mutation}` | {string.Join(" | ", Callers.Select(c => allowed.Contains(c) ? "✓" : "✗"))} |", table);
        }
    }

    private static string Outcome(JsonElement response, string mutation)
    {
        if (response.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
        {
            return errors[0].TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code) ? code.GetString()! : errors[0].GetProperty("message").GetString()!;
        }

        var payloadErrors = response.GetProperty("data").GetProperty(mutation).GetProperty("errors");
        return payloadErrors.ValueKind == JsonValueKind.Array && payloadErrors.EnumerateArray().Any(e => e.GetProperty("__typename").GetString() == "NotAuthorizedError")
            ? "NotAuthorizedError"
            : "allowed";
    }

    private GraphQLClient ClientFor(string caller) => caller switch
    {
        "anonymous" => scene.Anonymous,
        "attendee" => scene.ClientFor(scene.Attendee),
        "organizer" => scene.ClientFor(scene.Organizer),
        "other organizer" => scene.ClientFor(scene.OtherOrganizer),
        "venue manager" => scene.ClientFor(scene.Manager),
        "other manager" => scene.ClientFor(scene.OtherManager),
        "admin" => scene.ClientFor(scene.Admin),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    /// <summary>A call whose input passes validation, so authorization is what decides; allowed callers may still meet a domain error.</summary>
    private (string Query, object Variables) Call(string mutation, string venueId, string eventId, string performerId)
    {
        var input = mutation switch
        {
            "createVenue" => new { name = GraphQLClient.UniqueName("Hall "), address = "1 Street", city = "Berlin", country = "DE", latitude = 52.5, longitude = 13.4, timeZone = "Europe/Berlin" },
            "updateVenue" => new { venueId, city = "Berlin" },
            "assignVenueManager" => new { venueId, userId = GlobalId.Encode("User", scene.Manager.Id) },
            "layOutSeatMap" => new { venueId, sections = new[] { new { name = "Stalls", block = new { rowLabels = new[] { "A" }, seatsPerRow = 4, x = 0.0, y = 2.0 } } } },
            "importSeatMap" => new { venueId, json = "{}" },
            "createPerformer" => new { name = "Act", genre = "Pop" },
            "updatePerformer" => new { performerId, genre = "Pop" },
            "createEvent" => new { venueId, name = "Matrix Night", category = "CONCERT", startsAt = "2030-01-10T20:00", currency = "EUR", prices = Array.Empty<object>() },
            "updateEvent" => new { eventId, description = "Still on." },
            "publishEvent" or "cancelEvent" or "pauseSales" or "resumeSales" => (object)new { eventId },
            _ => throw new ArgumentOutOfRangeException(nameof(mutation)),
        };
        var pascal = char.ToUpperInvariant(mutation[0]) + mutation[1..];
        return ($"mutation($input: {pascal}Input!) {{ {mutation}(input: $input) {{ errors {{ __typename }} }} }}", new { input });
    }

    private async Task<(string VenueId, string EventId, string PerformerId)> ResourcesAsync()
    {
        var manager = scene.ClientFor(scene.Manager);
        var organizer = scene.ClientFor(scene.Organizer);
        var venue = await manager.DataAsync("mutation { createVenue(input: { name: \"Matrix Hall\", address: \"1 Street\", city: \"Berlin\", country: \"DE\", latitude: 52.5, longitude: 13.4, timeZone: \"Europe/Berlin\" }) { venue { id } } }");
        var venueId = venue.GetProperty("createVenue").GetProperty("venue").GetProperty("id").GetString()!;
        var laid = await manager.DataAsync(
            "mutation($v: ID!) { layOutSeatMap(input: { venueId: $v, sections: [{ name: \"Stalls\", block: { rowLabels: [\"A\"], seatsPerRow: 4, x: 0, y: 2 } }] }) { venue { sections { id } } } }", new { v = venueId });
        var section = laid.GetProperty("layOutSeatMap").GetProperty("venue").GetProperty("sections")[0].GetProperty("id").GetString();
        var created = await organizer.DataAsync(
            "mutation($v: ID!, $s: ID!) { createEvent(input: { venueId: $v, name: \"Matrix Night\", category: CONCERT, startsAt: \"2030-01-10T20:00\", currency: \"EUR\", prices: [{ sectionId: $s, price: { amount: 20, currency: \"EUR\" } }] }) { event { id } errors { __typename } } }",
            new { v = venueId, s = section });
        var performer = await organizer.DataAsync("mutation { createPerformer(input: { name: \"Matrix Band\", genre: \"Rock\" }) { performer { id } } }");
        return (venueId, created.GetProperty("createEvent").GetProperty("event").GetProperty("id").GetString()!,
            performer.GetProperty("createPerformer").GetProperty("performer").GetProperty("id").GetString()!);
    }
}
