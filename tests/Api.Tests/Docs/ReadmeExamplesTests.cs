using System.Text.Json;
using System.Text.RegularExpressions;
using GraphQLParser.AST;
using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.Docs;

/// <summary>
/// Every GraphQL block of the README runs, in order, against the real Api on the demo data, as a
/// reader following it would: variables come from what the reader would have at that point (an
/// event and two free seats from the lists, the token from logging in, the reservation from
/// reserving). A block fails when it errors, when a payload reports errors it does not announce
/// with <c># expect: TypeName</c>, or when a list it shows finds nothing.
/// </summary>
public sealed partial class ReadmeExamplesTests
{
    [Fact]
    public async Task Every_graphql_example_in_the_readme_runs_against_the_demo_data()
    {
        var examples = GraphQLBlocks(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "README.md")));
        Assert.True(examples.Count >= 10, $"Expected the README's walkthrough, found {examples.Count} GraphQL blocks.");

        var directory = Directory.CreateTempSubdirectory("tm-readme-").FullName;
        try
        {
            await using var api = await ApiHost.StartAsync(new Dictionary<string, string?>
            {
                ["Database:DataDirectory"] = directory,
                ["DemoData:Size"] = "Small",
            });
            using var http = api.CreateHttpClient();
            var reader = new Reader(http);
            await reader.WaitForSearchIndexAsync();
            await reader.PickAnEventAndTwoFreeSeatsAsync();

            foreach (var example in examples)
            {
                await reader.RunAsync(example);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static List<string> GraphQLBlocks(string markdown) =>
        GraphQLBlock().Matches(markdown).Select(match => match.Groups[1].Value).ToList();

    [GeneratedRegex("```graphql\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex GraphQLBlock();

    [GeneratedRegex("#\\s*expect:\\s*(\\w+)")]
    private static partial Regex Expectation();

    /// <summary>A reader working through the README: what they have learnt so far, and their token.</summary>
    private sealed class Reader(HttpClient http)
    {
        private readonly Dictionary<string, object?> _known = new() { ["idempotencyKey"] = Guid.NewGuid().ToString() };
        private string? _token;

        public async Task RunAsync(string example)
        {
            var operation = Assert.Single(GraphQLParser.Parser.Parse(example).Definitions.OfType<GraphQLOperationDefinition>());
            var name = operation.Name?.StringValue ?? "(anonymous)";
            var variables = (operation.Variables?.Items ?? []).ToDictionary(
                v => v.Variable.Name.StringValue,
                v => _known.TryGetValue(v.Variable.Name.StringValue, out var value) ? value : throw new InvalidOperationException($"README example {name} needs ${v.Variable.Name.StringValue}, which a reader would not have yet."));

            var answer = operation.Operation == OperationType.Subscription
                ? await Client.FirstStreamedAsync(example, variables) // as the README's curl line runs it
                : await PostAsync(example, variables);

            Assert.False(answer.TryGetProperty("errors", out var errors), $"README example {name} failed: {errors}");
            var data = answer.GetProperty("data");
            var expected = Expectation().Match(example) is { Success: true } match ? match.Groups[1].Value : null;
            CheckPayloadErrors(name, data, expected);
            CheckFindsSomething(name, data);
            Learn(data);
        }

        public async Task WaitForSearchIndexAsync()
        {
            // The in-process indexer builds the index from the database once the Api is up.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((await PostAsync("{ searchEvents(first: 1) { totalCount } }", null)).GetProperty("data").GetProperty("searchEvents").GetProperty("totalCount").GetInt32() == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "The search index stayed empty for a minute after start.");
                await Task.Delay(200);
            }
        }

        /// <summary>What a reader takes from the browse list: an event on sale in London, a section of it with free seats, and two of them.</summary>
        public async Task PickAnEventAndTwoFreeSeatsAsync()
        {
            var events = (await PostAsync(
                "{ events(first: 10, where: { venue: { city: { eq: \"London\" } } }, order: [{ startsAt: ASC }]) { nodes { id status sections { id available } } } }", null))
                .GetProperty("data").GetProperty("events").GetProperty("nodes").EnumerateArray();
            var show = events.First(e => e.GetProperty("status").GetString() == "ON_SALE" && e.GetProperty("sections").EnumerateArray().Any(s => s.GetProperty("available").GetInt32() >= 2));
            var section = show.GetProperty("sections").EnumerateArray().First(s => s.GetProperty("available").GetInt32() >= 2).GetProperty("id").GetString();
            var seats = (await PostAsync(
                "query($id: ID!, $section: ID!) { eventById(id: $id) { seats(sectionId: $section, status: AVAILABLE) { id } } }",
                new Dictionary<string, object?> { ["id"] = show.GetProperty("id").GetString(), ["section"] = section }))
                .GetProperty("data").GetProperty("eventById").GetProperty("seats").EnumerateArray();
            _known["eventId"] = show.GetProperty("id").GetString();
            _known["sectionId"] = section;
            _known["seatIds"] = seats.Take(2).Select(s => s.GetProperty("id").GetString()).ToList();
        }

        private void Learn(JsonElement data)
        {
            if (data.TryGetProperty("login", out var login) && login.GetProperty("accessToken").GetString() is { } token)
            {
                _token = token;
            }

            // The mobile walkthrough: the newest refresh token, from logging in or from the last refresh.
            foreach (var signedIn in new[] { "login", "refreshAccessToken" })
            {
                if (data.TryGetProperty(signedIn, out var payload) && payload.TryGetProperty("refreshToken", out var refresh) && refresh.GetString() is { } value)
                {
                    _known["refreshToken"] = value;
                }
            }

            // The selling walkthrough: the venue it opens, its sections by name, the event it drafts.
            if (data.TryGetProperty("createVenue", out var opened) && opened.GetProperty("venue") is { ValueKind: JsonValueKind.Object } venue)
            {
                _known["venueId"] = venue.GetProperty("id").GetString();
            }

            if (data.TryGetProperty("layOutSeatMap", out var laid) && laid.GetProperty("venue") is { ValueKind: JsonValueKind.Object } laidOut)
            {
                foreach (var section in laidOut.GetProperty("sections").EnumerateArray())
                {
                    _known[$"{section.GetProperty("name").GetString()!.ToLowerInvariant()}SectionId"] = section.GetProperty("id").GetString();
                }
            }

            if (data.TryGetProperty("createEvent", out var drafted) && drafted.GetProperty("event") is { ValueKind: JsonValueKind.Object } draft)
            {
                _known["eventId"] = draft.GetProperty("id").GetString();
            }

            if (data.TryGetProperty("joinWaitingRoom", out var joined) && joined.GetProperty("ticket") is { ValueKind: JsonValueKind.Object } ticket)
            {
                _known["ticketId"] = ticket.GetProperty("id").GetString();
                _known["admissionPass"] = ticket.GetProperty("admissionPass").GetString();
            }

            if (data.TryGetProperty("reserveSeats", out var reserved) && reserved.GetProperty("reservation") is { ValueKind: JsonValueKind.Object } reservation)
            {
                _known["reservationId"] = reservation.GetProperty("id").GetString();
            }
        }

        private static void CheckPayloadErrors(string name, JsonElement element, string? expected)
        {
            foreach (var (key, value) in Properties(element))
            {
                if (key != "errors")
                {
                    continue;
                }

                if (expected is null)
                {
                    Assert.True(value.ValueKind == JsonValueKind.Null, $"README example {name} answered payload errors it does not announce: {value}");
                }
                else
                {
                    Assert.True(value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0, $"README example {name} announces {expected} but got {value}");
                    Assert.All(value.EnumerateArray(), error => Assert.Equal(expected, error.GetProperty("__typename").GetString()));
                }
            }
        }

        /// <summary>An example that shows a list must find something on the demo data, or a reader concludes it is broken.</summary>
        private static void CheckFindsSomething(string name, JsonElement data)
        {
            foreach (var (key, value) in Properties(data))
            {
                if (key == "totalCount")
                {
                    Assert.True(value.GetInt32() > 0, $"README example {name} finds nothing (totalCount 0).");
                }

                if (key is "nodes" or "suggestEvents")
                {
                    Assert.True(value.GetArrayLength() > 0, $"README example {name} finds nothing ({key} is empty).");
                }
            }
        }

        private static IEnumerable<(string Key, JsonElement Value)> Properties(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    yield return (property.Name, property.Value);
                    foreach (var nested in Properties(property.Value))
                    {
                        yield return nested;
                    }
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var nested in element.EnumerateArray().SelectMany(Properties))
                {
                    yield return nested;
                }
            }
        }

        /// <summary>Signed in once the reader has logged in.</summary>
        private GraphQLClient Client => new(http, _token);

        private Task<JsonElement> PostAsync(string query, Dictionary<string, object?>? variables) => Client.PostAsync(query, variables);
    }
}
