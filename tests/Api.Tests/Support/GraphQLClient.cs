using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TicketMaster.Api.Tests.Support;

/// <summary>Posts GraphQL documents to the real endpoint and reads the JSON answer.</summary>
/// <param name="token">Sent as <c>Authorization: Bearer</c> on each request; none when null.</param>
public sealed class GraphQLClient(HttpClient http, string? token = null)
{
    /// <summary>
    /// How <see cref="DataAsync{T}"/> reads <c>data</c>: web defaults (camelCase, any case), GraphQL
    /// enum values (<c>ON_SALE</c>) as C# enum members (<c>OnSale</c>), and strict, so that a record
    /// is the selection set it reads: a field the record does not declare, a declared field the
    /// answer lacks, a null in a non-nullable member or a number sent as a string fails the test
    /// instead of reading as a default.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false) },
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>
    /// A client for the same endpoint that signs in with <paramref name="bearer"/>. This one is
    /// unchanged: fixtures share their client between tests, and a token set on it would leak
    /// into every test after.
    /// </summary>
    public GraphQLClient WithToken(string bearer) => new(http, bearer);

    /// <summary>Registers a new attendee account, named <paramref name="prefix"/> and a random tail, and returns its access token.</summary>
    public async Task<string> RegisterBuyerAsync(string prefix = "buyer")
    {
        var name = UniqueName(prefix);
        var data = await DataAsync<RegisterData>(
            "mutation($input: RegisterInput!) { register(input: $input) { accessToken } }",
            new { input = new { username = name, email = $"{name}@example.com", password = "a long enough passphrase" } });
        return data.Register.AccessToken;
    }

    /// <summary>A client signed in as a new attendee (see <see cref="RegisterBuyerAsync"/>).</summary>
    public async Task<GraphQLClient> SignedInBuyerAsync(string prefix = "buyer") => WithToken(await RegisterBuyerAsync(prefix));

    /// <summary>The id of the published event named <paramref name="name"/> and the ids of its seats free now, section by section.</summary>
    public async Task<(string EventId, string[] Seats)> FreeSeatsAsync(string name)
    {
        var @event = (await DataAsync<EventsData>(
            "query($name: String!) { events(where: { name: { eq: $name } }) { nodes { id sections { id } } } }", new { name })).Events.Nodes[0];
        var seats = new List<string>();
        foreach (var section in @event.Sections)
        {
            var data = await DataAsync<EventSeatsData>(
                "query($id: ID!, $section: ID!) { eventById(id: $id) { seats(sectionId: $section, status: AVAILABLE) { id } } }", new { id = @event.Id, section = section.Id });
            seats.AddRange(data.EventById.Seats.Select(s => s.Id));
        }

        return (@event.Id, seats.ToArray());
    }

    /// <summary><paramref name="prefix"/> and a random tail, 20 characters: a username no other test has.</summary>
    public static string UniqueName(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..20];

    public async Task<JsonElement> PostAsync(string query, object? variables = null)
    {
        using var request = Request(query, variables);
        using var response = await http.SendAsync(request);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    /// <summary>
    /// The first message of a subscription over SSE (graphql-sse, <c>Accept: text/event-stream</c>),
    /// as a client's first render sees it: the current state, or the error that refused the stream.
    /// </summary>
    public async Task<JsonElement> FirstStreamedAsync(string query, object? variables = null)
    {
        using var request = Request(query, variables);
        request.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var stream = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        while (await stream.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
            }
        }

        throw new Xunit.Sdk.XunitException("The subscription ended without a message.");
    }

    /// <summary>Every message of a subscription over SSE, as it arrives, until <paramref name="cancellationToken"/> ends the stream.</summary>
    public async IAsyncEnumerable<JsonElement> StreamedAsync(string query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = Request(query, null);
        request.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        using var stream = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await stream.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                yield return JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
            }
        }
    }

    /// <summary>The <c>data</c> of a response that must have no errors, as JSON.</summary>
    public async Task<JsonElement> DataAsync(string query, object? variables = null)
    {
        var result = await PostAsync(query, variables);
        Assert.False(result.TryGetProperty("errors", out var errors), $"Unexpected errors: {errors}");
        return result.GetProperty("data");
    }

    /// <summary>
    /// The <c>data</c> of a response that must have no errors, read into <typeparamref name="T"/>
    /// (a record shaped like the query's selection set; see <see cref="Json"/>).
    /// </summary>
    public async Task<T> DataAsync<T>(string query, object? variables = null)
    {
        var data = await DataAsync(query, variables);
        try
        {
            return data.Deserialize<T>(Json) ?? throw new Xunit.Sdk.XunitException($"data is null: {data}");
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"data does not read as {typeof(T).Name}: {e.Message}\n{data}");
        }
    }

    /// <summary>The <c>extensions.code</c> of every error of a response that must have errors.</summary>
    public async Task<IReadOnlyList<string>> ErrorCodesAsync(string query, object? variables = null)
    {
        var result = await PostAsync(query, variables);
        Assert.True(result.TryGetProperty("errors", out var errors), $"Expected errors, got {result}");
        return errors.EnumerateArray().Select(e => e.GetProperty("extensions").GetProperty("code").GetString()!).ToList();
    }

    private sealed record RegisterData(AccessTokenOnly Register);

    private sealed record AccessTokenOnly(string AccessToken);

    private sealed record EventsData(Connection<EventWithSections> Events);

    private sealed record EventWithSections(string Id, IReadOnlyList<Node> Sections);

    private sealed record EventSeatsData(EventSeats EventById);

    private sealed record EventSeats(IReadOnlyList<Node> Seats);

    private HttpRequestMessage Request(string query, object? variables)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }
}

/// <summary>A selection of <c>{ id }</c> alone.</summary>
public sealed record Node(string Id);

/// <summary>A connection of which only <c>nodes</c> is selected.</summary>
public sealed record Connection<T>(IReadOnlyList<T> Nodes);

/// <summary>One of a payload's <c>errors</c> when only <c>__typename</c> is selected.</summary>
public sealed record PayloadError([property: JsonPropertyName("__typename")] string Typename);
