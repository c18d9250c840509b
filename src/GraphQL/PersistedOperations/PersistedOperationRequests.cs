using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Options;

namespace TicketMaster.GraphQL.PersistedOperations;

/// <summary>
/// Fills in a request's document from the <see cref="OperationStore"/> before it is parsed:
/// Hot Chocolate's <c>{ "id": … }</c> requests, Apollo's automatic persisted queries
/// (<c>extensions.persistedQuery.sha256Hash</c>), and, in trusted-documents mode, the refusal of
/// every document the store does not hold.
/// </summary>
public sealed class PersistedOperationRequests(OperationStore store, IOptionsMonitor<PersistedOperationOptions> options)
{
    public const string NotFound = "PERSISTED_OPERATION_NOT_FOUND";
    public const string QueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string HashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";
    public const string Required = "PERSISTED_OPERATION_REQUIRED";

    /// <summary>
    /// The request to run, or the error to answer with. <c>Register</c> is true for an APQ request
    /// that brought a new document: it is stored once it has run, so a document that does not even
    /// validate never fills the store.
    /// </summary>
    public async Task<(GraphQLRequest? Request, ExecutionError? Error, bool Register)> ResolveAsync(GraphQLRequest request, CancellationToken cancellationToken)
    {
        if (request.DocumentId is { } id)
        {
            if (request.Query is not null)
            {
                return Fail("INVALID_REQUEST", "Send either an operation `id` or a `query`, not both.");
            }

            return await store.FindAsync(id, cancellationToken) is { } stored
                ? (With(request, stored), null, false)
                : Fail(NotFound, $"No persisted operation has the id '{id}'; register it with `register-operations` (see README, \"Caching and persisted operations\") or send the full `query`.");
        }

        if (AutomaticHash(request) is { } hash)
        {
            return await ResolveAutomaticAsync(request, hash, cancellationToken);
        }

        if (request.Query is null)
        {
            return Fail("INVALID_REQUEST", "The 'query' parameter is missing; it must be a string holding a GraphQL document (or send a persisted operation's 'id').");
        }

        // Trusted documents: the full text of a stored operation is as good as its id.
        if (options.CurrentValue.OnlyPersisted && await store.FindAsync(OperationStore.HashOf(request.Query), cancellationToken) is null)
        {
            return RefuseAdHoc();
        }

        return (request, null, false);
    }

    public Task RegisterAsync(string query, CancellationToken cancellationToken) => store.SaveAsync(query, cancellationToken);

    private async Task<(GraphQLRequest?, ExecutionError?, bool)> ResolveAutomaticAsync(GraphQLRequest request, string hash, CancellationToken cancellationToken)
    {
        var stored = await store.FindAsync(hash, cancellationToken);
        if (request.Query is null)
        {
            // Apollo's clients react to this exact message by sending the query with its hash.
            return stored is null ? Fail(QueryNotFound, "PersistedQueryNotFound") : (With(request, stored), null, false);
        }

        if (!string.Equals(OperationStore.HashOf(request.Query), hash, StringComparison.OrdinalIgnoreCase))
        {
            return Fail(HashMismatch, "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query (lowercase hex of its UTF-8 text); nothing was stored.");
        }

        if (stored is null && options.CurrentValue.OnlyPersisted)
        {
            return RefuseAdHoc();
        }

        return (request, null, stored is null);
    }

    private static string? AutomaticHash(GraphQLRequest request) =>
        request.Extensions?.TryGetValue("persistedQuery", out var value) == true
        && value is IDictionary<string, object?> persisted
        && persisted.TryGetValue("sha256Hash", out var hash)
        && hash is string text
            ? text
            : null;

    private static GraphQLRequest With(GraphQLRequest request, string query) => new()
    {
        Query = query,
        OperationName = request.OperationName,
        Variables = request.Variables,
        Extensions = request.Extensions,
    };

    private static (GraphQLRequest?, ExecutionError?, bool) RefuseAdHoc() =>
        Fail(Required, "This server runs only persisted operations (trusted documents): send a registered operation's `id` instead of a `query`.");

    private static (GraphQLRequest?, ExecutionError?, bool) Fail(string code, string message) => (null, new ExecutionError(message) { Code = code }, false);
}
