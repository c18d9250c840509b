using System.Buffers;
using System.Globalization;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;

namespace TicketMaster.GraphQL.Transport;

/// <summary>
/// Turns a GET query string or a POST JSON body into a <see cref="GraphQLRequest"/>, or says which
/// spec rule it breaks. Parameter types are checked before GraphQL.NET's serializer reads the body,
/// so a <c>"query": 0</c> is a clear 400 rather than whatever exception the converter throws.
/// </summary>
public sealed class GraphQLRequestReader(IGraphQLTextSerializer serializer)
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    /// <param name="allowPersisted">
    /// True where persisted operations are served (plain HTTP): a request may then carry an operation
    /// <c>id</c> or an APQ hash instead of its <c>query</c>, for <see cref="PersistedOperations.PersistedOperationRequests"/> to fill in.
    /// </param>
    public async Task<(GraphQLRequest? Request, GraphQLRequestProblem? Problem)> ReadPostAsync(
        HttpRequest request, int maxRequestBytes, CancellationToken cancellationToken, bool allowPersisted = false)
    {
        if (!GraphQLMediaTypes.IsJsonInUtf8(request.ContentType))
        {
            return (null, new GraphQLRequestProblem(
                StatusCodes.Status415UnsupportedMediaType,
                "UNSUPPORTED_MEDIA_TYPE",
                $"POST bodies must be sent with Content-Type: {GraphQLMediaTypes.Json} (UTF-8); got '{request.ContentType}'."));
        }

        var body = await ReadBodyAsync(request.Body, request.ContentLength, maxRequestBytes, cancellationToken);
        if (body is null)
        {
            return (null, new GraphQLRequestProblem(
                StatusCodes.Status413PayloadTooLarge,
                "REQUEST_TOO_LARGE",
                string.Create(CultureInfo.InvariantCulture, $"The request body is larger than the {maxRequestBytes:N0} bytes this server accepts (GraphQL:MaxRequestBytes).")));
        }

        // A UTF-8 byte order mark is legal in a JSON text, but Utf8JsonReader refuses it.
        var start = body.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var json = body.AsSpan(start);
        if (json.IsEmpty)
        {
            return (null, GraphQLRequestProblem.InvalidRequest("The request body is empty; send a JSON object with a 'query'."));
        }

        var (problem, id) = FindShapeProblem(json);
        if (problem is not null)
        {
            return (null, problem);
        }

        GraphQLRequest? parsed;
        try
        {
            using var stream = new MemoryStream(body, start, body.Length - start, writable: false);
            parsed = await serializer.ReadAsync<GraphQLRequest>(stream, cancellationToken);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return (null, GraphQLRequestProblem.InvalidJson($"The request body could not be read: {e.Message}"));
        }

        if (parsed is not null && allowPersisted)
        {
            parsed.DocumentId ??= id;
        }

        return allowPersisted ? RequireDocument(parsed) : RequireQuery(parsed);
    }

    /// <summary>A request carried inside another message (a WebSocket subscribe's <c>payload</c>), with the same checks as a POST body.</summary>
    public (GraphQLRequest? Request, GraphQLRequestProblem? Problem) ReadPayload(JsonElement payload)
    {
        var json = payload.GetRawText();
        if (FindShapeProblem(System.Text.Encoding.UTF8.GetBytes(json)).Problem is { } problem)
        {
            return (null, problem);
        }

        try
        {
            return RequireQuery(serializer.Deserialize<GraphQLRequest>(json));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return (null, GraphQLRequestProblem.InvalidJson($"The request could not be read: {e.Message}"));
        }
    }

    public (GraphQLRequest? Request, GraphQLRequestProblem? Problem) ReadGet(IQueryCollection query, bool allowPersisted = false)
    {
        foreach (var name in new[] { "query", "operationName", "variables", "extensions", "id", "documentId" })
        {
            if (query[name].Count > 1)
            {
                return (null, GraphQLRequestProblem.InvalidRequest($"'{name}' must be given at most once."));
            }
        }

        var request = new GraphQLRequest { Query = query["query"], OperationName = NullIfEmpty(query["operationName"]) };
        var (variables, variablesProblem) = ReadJsonObjectParameter(query["variables"], "variables");
        var (extensions, extensionsProblem) = ReadJsonObjectParameter(query["extensions"], "extensions");
        if ((variablesProblem ?? extensionsProblem) is { } problem)
        {
            return (null, problem);
        }

        request.Variables = variables;
        request.Extensions = extensions;
        if (!allowPersisted)
        {
            return RequireQuery(request);
        }

        request.DocumentId = NullIfEmpty(query["id"]) ?? NullIfEmpty(query["documentId"]);
        return RequireDocument(request);
    }

    /// <summary>A query, or what stands for one: a persisted operation's id or an APQ hash.</summary>
    private static (GraphQLRequest?, GraphQLRequestProblem?) RequireDocument(GraphQLRequest? request) =>
        request is not null && (request.DocumentId is not null || request.Extensions?.ContainsKey("persistedQuery") == true)
            ? (request, null)
            : RequireQuery(request);

    private static (GraphQLRequest?, GraphQLRequestProblem?) RequireQuery(GraphQLRequest? request) =>
        request?.Query is null
            ? (null, GraphQLRequestProblem.InvalidRequest("The 'query' parameter is missing; it must be a string holding a GraphQL document."))
            : (request, null);

    private (Inputs?, GraphQLRequestProblem?) ReadJsonObjectParameter(string? value, string name)
    {
        if (string.IsNullOrEmpty(value))
        {
            return (null, null);
        }

        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(value), ReaderOptions);
            reader.Read();
            if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.Null))
            {
                return (null, GraphQLRequestProblem.InvalidRequest($"'{name}' must be a URL-encoded JSON object."));
            }

            return (serializer.Deserialize<Inputs>(value), null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return (null, GraphQLRequestProblem.InvalidJson($"'{name}' is not valid JSON: {e.Message}"));
        }
    }

    /// <summary>Checks the body is one JSON object whose known members have the types the spec gives them.</summary>
    /// <returns>The problem, or none and the operation <c>id</c> when the body names one.</returns>
    private static (GraphQLRequestProblem? Problem, string? Id) FindShapeProblem(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                return (GraphQLRequestProblem.InvalidRequest("Batched requests (a JSON array) are not supported; send one JSON object per request."), null);
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return (GraphQLRequestProblem.InvalidRequest("The request body must be a JSON object with a 'query'."), null);
            }

            string? id = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                var isNull = reader.TokenType == JsonTokenType.Null;
                switch (name)
                {
                    case "query" or "operationName" or "id" or "documentId" when !isNull && reader.TokenType != JsonTokenType.String:
                        return (GraphQLRequestProblem.InvalidRequest($"'{name}' must be a string."), null);
                    case "variables" or "extensions" when !isNull && reader.TokenType != JsonTokenType.StartObject:
                        return (GraphQLRequestProblem.InvalidRequest($"'{name}' must be a JSON object (a map)."), null);
                    case "id" when !isNull:
                        id = reader.GetString();
                        break;
                }

                reader.Skip();
            }

            // Anything after the closing brace is malformed JSON; the reader throws on it.
            reader.Read();
            return (null, id);
        }
        catch (JsonException e)
        {
            return (GraphQLRequestProblem.InvalidJson($"The request body is not valid JSON: {e.Message}"), null);
        }
    }

    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, long? contentLength, int maxBytes, CancellationToken cancellationToken)
    {
        if (contentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(contentLength is { } length ? (int)length : 4096);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
