using System.Net.Http.Json;
using System.Text.Json;

namespace TicketMaster.Api.Tests.Support;

/// <summary>Posts GraphQL documents to the real endpoint and reads the JSON answer.</summary>
/// <param name="token">Sent as <c>Authorization: Bearer</c> on each request; none when null.</param>
public sealed class GraphQLClient(HttpClient http, string? token = null)
{
    /// <summary>
    /// A client for the same endpoint that signs in with <paramref name="bearer"/>. This one is
    /// unchanged: fixtures share their client between tests, and a token set on it would leak
    /// into every test after.
    /// </summary>
    public GraphQLClient WithToken(string bearer) => new(http, bearer);

    /// <summary>Registers a new attendee account, named <paramref name="prefix"/> and a random tail, and returns its access token.</summary>
    public async Task<string> RegisterBuyerAsync(string prefix = "buyer")
    {
        var name = $"{prefix}{Guid.NewGuid():N}"[..20];
        var register = await DataAsync(
            "mutation($input: RegisterInput!) { register(input: $input) { accessToken } }",
            new { input = new { username = name, email = $"{name}@example.com", password = "a long enough passphrase" } });
        return register.GetProperty("register").GetProperty("accessToken").GetString()!;
    }

    public async Task<JsonElement> PostAsync(string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    /// <summary>The <c>data</c> of a response that must have no errors.</summary>
    public async Task<JsonElement> DataAsync(string query, object? variables = null)
    {
        var result = await PostAsync(query, variables);
        Assert.False(result.TryGetProperty("errors", out var errors), $"Unexpected errors: {errors}");
        return result.GetProperty("data");
    }

    /// <summary>The <c>extensions.code</c> of every error of a response that must have errors.</summary>
    public async Task<IReadOnlyList<string>> ErrorCodesAsync(string query, object? variables = null)
    {
        var result = await PostAsync(query, variables);
        Assert.True(result.TryGetProperty("errors", out var errors), $"Expected errors, got {result}");
        return errors.EnumerateArray().Select(e => e.GetProperty("extensions").GetProperty("code").GetString()!).ToList();
    }
}
