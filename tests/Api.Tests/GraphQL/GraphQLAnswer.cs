using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace TicketMaster.Api.Tests.GraphQL;

/// <summary>One HTTP answer from <c>/graphql</c>, read the way a client reads it.</summary>
public sealed record GraphQLAnswer(HttpStatusCode Status, string? ContentType, IReadOnlyList<string> Allow, byte[] Body)
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    public string Text => Encoding.UTF8.GetString(Body);

    public JsonElement Document => JsonDocument.Parse(Body).RootElement;

    public bool HasData => Document.TryGetProperty("data", out _);

    public IReadOnlyList<JsonElement> Errors =>
        Document.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().ToList() : [];

    /// <summary>The codes of all errors; fails when any error has none, which no answer may.</summary>
    public IReadOnlyList<string> ErrorCodes =>
        Errors.Select(e => e.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code)
            ? code.GetString()!
            : throw new Xunit.Sdk.XunitException($"An error has no extensions.code: {e}")).ToList();

    public static async Task<GraphQLAnswer> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var contentType = response.Content.Headers.ContentType?.ToString();
        var allow = response.Content.Headers.Allow.Count > 0 ? [string.Join(", ", response.Content.Headers.Allow)] : new List<string>();
        return new GraphQLAnswer(response.StatusCode, contentType, allow, await response.Content.ReadAsByteArrayAsync());
    }

    public static Task<GraphQLAnswer> PostAsync(HttpClient client, string body, string? accept = null, string? contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return SendAsync(client, request);
    }

    public static Task<GraphQLAnswer> PostQueryAsync(HttpClient client, string query, object? variables = null, string? accept = null) =>
        PostAsync(client, JsonSerializer.Serialize(new { query, variables }), accept);

    public static Task<GraphQLAnswer> GetAsync(HttpClient client, string pathAndQuery, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return SendAsync(client, request);
    }
}
