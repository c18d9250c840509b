using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TicketMaster.Api.Tests.Catalog;
using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.Booking;

/// <summary>
/// Every booking error, provoked over HTTP, speaks the client's language: each id field is a global
/// id, each number in a message is a value the error also exposes (a limit, a count), never a
/// database key, and seats come with the label people read. The selection of each error is built
/// from the live schema, so a field added later is checked too.
/// </summary>
public abstract partial class ErrorsInClientTermsTests(CatalogFixture catalog)
{
    [SkippableFact]
    public async Task Every_booking_error_names_things_by_global_id_and_label_never_by_database_key()
    {
        var client = catalog.Client;
        var (buyer, rival) = (await client.SignedInBuyerAsync(), await client.SignedInBuyerAsync());
        var luna = await EventAsync(client, "Luna Vega: Neon Tour");
        var (gala, galaSeats) = await client.FreeSeatsAsync("Cancelled Gala");
        var (_, novakSeats) = await client.FreeSeatsAsync("Novak Unplugged");
        var (bears, bearsSeats) = await client.FreeSeatsAsync("Bears vs Lions");
        var held = (await client.DataAsync<SeatsData>(
            "query($id: ID!, $section: ID!) { eventById(id: $id) { seats(sectionId: $section, status: HELD) { id } } }", new { id = luna.Id, section = luna.Sections[0].Id }))
            .EventById.Seats.Select(s => s.Id).ToArray();
        var missingEvent = Convert.ToBase64String(Encoding.UTF8.GetBytes("Event:999999"));
        var missingReservation = Convert.ToBase64String(Encoding.UTF8.GetBytes($"Reservation:{Guid.NewGuid():N}"));

        var errors = new List<JsonElement>
        {
            await FirstErrorAsync(buyer, "reserveSeats", new { eventId = luna.Id, seatIds = held }),
            await FirstErrorAsync(buyer, "reserveSeats", new { eventId = luna.Id, seatIds = novakSeats[..1] }),
            await FirstErrorAsync(buyer, "reserveSeats", new { eventId = gala, seatIds = galaSeats[..1] }),
            await FirstErrorAsync(buyer, "reserveSeats", new { eventId = missingEvent, seatIds = bearsSeats[..1] }),
            await FirstErrorAsync(buyer, "reserveSeats", new { eventId = bears, seatIds = Array.Empty<string>() }),
            await FirstErrorAsync(buyer, "reserveBestAvailable", new { eventId = bears, quantity = 50 }),
            await FirstErrorAsync(buyer, "reserveBestAvailable", new { eventId = bears, quantity = 8, maxPrice = new { amount = 1, currency = "EUR" } }),
            await FirstErrorAsync(buyer, "reserveBestAvailable", new { eventId = bears, quantity = 1, maxPrice = new { amount = 90, currency = "GBP" } }),
            await FirstErrorAsync(buyer, "reserveBestAvailable", new { eventId = bears, quantity = 1, maxPrice = new { amount = 90, currency = "pounds" } }),
            await FirstErrorAsync(buyer, "releaseReservation", new { reservationId = missingReservation }),
        };

        var first = await ReservationAsync(buyer, bears, bearsSeats[0]);
        var second = await ReservationAsync(buyer, bears, bearsSeats[1]);
        errors.Add(await FirstErrorAsync(buyer, "reserveSeats", new { eventId = bears, seatIds = bearsSeats[2..3] }));
        errors.Add(await FirstErrorAsync(rival, "releaseReservation", new { reservationId = first }));
        Assert.Null(await FirstErrorOrNullAsync(buyer, "releaseReservation", new { reservationId = first }));
        errors.Add(await FirstErrorAsync(buyer, "releaseReservation", new { reservationId = first }));
        var pay = new { reservationId = second, paymentToken = "tok_visa", idempotencyKey = Guid.NewGuid().ToString() };
        Assert.Null(await FirstErrorOrNullAsync(buyer, "confirmReservation", pay));
        errors.Add(await FirstErrorAsync(buyer, "confirmReservation", pay with { idempotencyKey = Guid.NewGuid().ToString() }));

        var seen = errors.Select(e => e.GetProperty("__typename").GetString()).ToList();
        Assert.Equal(14, seen.Distinct().Count());
        Assert.All(errors, AssertInClientTerms);
        var unavailable = errors[0];
        Assert.All(unavailable.GetProperty("seats").EnumerateArray(), seat => Assert.Matches(SeatLabelPattern(), seat.GetProperty("label").GetString()!));
        Assert.Equal(held.Order(), unavailable.GetProperty("seatIds").EnumerateArray().Select(id => id.GetString()!).Order());
    }

    /// <summary>Ids decode as <c>Type:key</c>; a message's numbers are the error's own numbers or list sizes; seats carry labels.</summary>
    private static void AssertInClientTerms(JsonElement error)
    {
        var type = error.GetProperty("__typename").GetString();
        var numbers = new HashSet<string>();
        foreach (var field in error.EnumerateObject())
        {
            if (field.Name.EndsWith("Id", StringComparison.Ordinal) || field.Name.EndsWith("Ids", StringComparison.Ordinal))
            {
                var ids = field.Value.ValueKind == JsonValueKind.Array ? field.Value.EnumerateArray().ToList() : [field.Value];
                Assert.All(ids, id => Assert.Matches("^[A-Z][A-Za-z]+:[0-9a-f-]+$", Decode(id.GetString()!, $"{type}.{field.Name}")));
                numbers.Add(ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (field.Value.ValueKind == JsonValueKind.Number)
            {
                numbers.Add(field.Value.GetRawText());
            }
            else if (field.Value.ValueKind == JsonValueKind.Array)
            {
                numbers.Add(field.Value.GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var message = error.GetProperty("message").GetString()!;
        var strangers = NumberPattern().Matches(message).Select(m => m.Value).Where(n => !numbers.Contains(n)).ToList();
        Assert.True(strangers.Count == 0, $"{type}'s message \"{message}\" mentions {string.Join(", ", strangers)}, which none of its fields expose: a database key?");
    }

    private static string Decode(string id, string where)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(id));
        }
        catch (FormatException)
        {
            throw new Xunit.Sdk.XunitException($"{where} is \"{id}\", not a global id.");
        }
    }

    private async Task<JsonElement> FirstErrorAsync(GraphQLClient client, string mutation, object input) =>
        await FirstErrorOrNullAsync(client, mutation, input) ?? throw new Xunit.Sdk.XunitException($"{mutation} with {JsonSerializer.Serialize(input)} succeeded; an error was expected.");

    private async Task<JsonElement?> FirstErrorOrNullAsync(GraphQLClient client, string mutation, object input)
    {
        var union = char.ToUpperInvariant(mutation[0]) + mutation[1..];
        var data = await client.DataAsync($"mutation($input: {union}Input!) {{ {mutation}(input: $input) {{ errors {{ {await SelectionAsync(client, union + "Error")} }} }} }}", new { input });
        var errors = data.GetProperty(mutation).GetProperty("errors");
        return errors.ValueKind == JsonValueKind.Null ? null : errors[0];
    }

    /// <summary>Every field of every member of an error union, from the live schema; object fields as <c>{ id label }</c>.</summary>
    private static async Task<string> SelectionAsync(GraphQLClient client, string union)
    {
        const string Fields = "fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }";
        var data = await client.DataAsync($"query($name: String!) {{ __type(name: $name) {{ possibleTypes {{ name {Fields} }} }} }}", new { name = union });
        var selection = new StringBuilder("__typename");
        foreach (var member in data.GetProperty("__type").GetProperty("possibleTypes").EnumerateArray())
        {
            var fields = new List<string>();
            foreach (var field in member.GetProperty("fields").EnumerateArray())
            {
                var name = field.GetProperty("name").GetString()!;
                if (ObjectTypeOf(field.GetProperty("type")) is not { } objectType)
                {
                    fields.Add(name);
                    continue;
                }

                // An object field (seats, an amount): its own scalar fields, one level down.
                var inner = await client.DataAsync($"query($name: String!) {{ __type(name: $name) {{ {Fields} }} }}", new { name = objectType });
                var scalars = inner.GetProperty("__type").GetProperty("fields").EnumerateArray()
                    .Where(f => ObjectTypeOf(f.GetProperty("type")) is null).Select(f => f.GetProperty("name").GetString());
                fields.Add($"{name} {{ {string.Join(" ", scalars)} }}");
            }

            selection.Append($" ... on {member.GetProperty("name").GetString()} {{ {string.Join(" ", fields)} }}");
        }

        return selection.ToString();
    }

    private static string? ObjectTypeOf(JsonElement type) => type.GetProperty("kind").GetString() switch
    {
        "OBJECT" or "INTERFACE" or "UNION" => type.GetProperty("name").GetString(),
        "NON_NULL" or "LIST" => ObjectTypeOf(type.GetProperty("ofType")),
        _ => null,
    };

    private static async Task<Event> EventAsync(GraphQLClient client, string name) =>
        (await client.DataAsync<EventsData>("query($name: String!) { events(where: { name: { eq: $name } }) { nodes { id sections { id } } } }", new { name })).Events.Nodes[0];

    private static async Task<string> ReservationAsync(GraphQLClient buyer, string eventId, string seatId)
    {
        var data = await buyer.DataAsync("mutation($input: ReserveSeatsInput!) { reserveSeats(input: $input) { reservation { id } } }", new { input = new { eventId, seatIds = new[] { seatId } } });
        return data.GetProperty("reserveSeats").GetProperty("reservation").GetProperty("id").GetString()!;
    }

    /// <summary>Numbers in a message, but not a standard's number ("ISO 4217").</summary>
    [GeneratedRegex(@"(?<!ISO )\b\d+\b")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^.+, row .+, seat \d+$")]
    private static partial Regex SeatLabelPattern();

    private sealed record EventsData(Connection<Event> Events);

    private sealed record Event(string Id, IReadOnlyList<Node> Sections);

    private sealed record SeatsData(SeatsOf EventById);

    private sealed record SeatsOf(IReadOnlyList<Node> Seats);
}

[Collection(SqliteCatalogCollection.Name)]
public sealed class ErrorsInClientTermsOnSqlite(SqliteCatalog catalog) : ErrorsInClientTermsTests(catalog);

[Collection(MariaDbCatalogCollection.Name)]
public sealed class ErrorsInClientTermsOnMariaDb(MariaDbCatalog catalog) : ErrorsInClientTermsTests(catalog);
