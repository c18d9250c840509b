using System.Net.Http.Headers;
using System.Text.Json;

namespace TicketMaster.Bench.Harness;

/// <summary>A request the server refused or could not answer: an HTTP status or GraphQL request errors, no data.</summary>
public sealed class GraphQLRequestException(string kind, string message) : Exception(message)
{
    /// <summary>Short, countable: <c>http_500</c>, <c>graphql_error</c>, <c>timeout</c>, <c>connection</c>.</summary>
    public string Kind { get; } = kind;
}

/// <summary>GraphQL over HTTP: POST JSON, one pooled HttpClient, the bearer token per request.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    public static HttpClient CreateHttpClient(Uri baseAddress, int maxConnections) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
            DefaultRequestHeaders = { Accept = { new MediaTypeWithQualityHeaderValue("application/graphql-response+json") } },
        };

    /// <summary>Sends the operation and hands <c>data</c> to <paramref name="read"/> while the document is alive.</summary>
    public async Task<T> SendAsync<T>(string query, object variables, string? accessToken, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql");
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new { query, variables }));
        request.Content.Headers.ContentType = JsonContentType;
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GraphQLRequestException("timeout", e.Message);
        }
        catch (HttpRequestException e)
        {
            throw new GraphQLRequestException("connection", e.Message);
        }

        using (response)
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            }
            catch (JsonException)
            {
                throw new GraphQLRequestException($"http_{(int)response.StatusCode}", $"HTTP {(int)response.StatusCode} without a GraphQL response");
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
                {
                    return read(data);
                }

                var message = root.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0
                    ? errors[0].GetProperty("message").GetString()
                    : null;
                throw new GraphQLRequestException(
                    response.IsSuccessStatusCode ? "graphql_error" : $"http_{(int)response.StatusCode}",
                    message ?? $"HTTP {(int)response.StatusCode} with no data");
            }
        }
    }
}
