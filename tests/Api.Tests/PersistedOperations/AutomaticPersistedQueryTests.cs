using TicketMaster.GraphQL.PersistedOperations;
using static TicketMaster.Api.Tests.PersistedOperations.PersistedOperationsApi;

namespace TicketMaster.Api.Tests.PersistedOperations;

/// <summary>Apollo's automatic persisted queries: hash first, the query once when the server does not know it.</summary>
public sealed class AutomaticPersistedQueryTests(PersistedOperationsApi api) : IClassFixture<PersistedOperationsApi>
{
    [Fact]
    public async Task An_unknown_hash_is_answered_PersistedQueryNotFound_then_registered_with_the_query()
    {
        var query = $"query Named{Guid.NewGuid():N} {{ performers(first: 5) {{ nodes {{ name }} }} }}";
        var hash = OperationStore.HashOf(query);
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } };

        var (_, unknown) = await PostAsync(api.Client, new { extensions });
        var (_, registered) = await PostAsync(api.Client, new { query, extensions });
        var (_, byHash) = await GetAsync(api.Client, $"/graphql?extensions={Uri.EscapeDataString(System.Text.Json.JsonSerializer.Serialize(extensions))}");

        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", ErrorCode(unknown));
        Assert.Equal("PersistedQueryNotFound", unknown.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Null(ErrorCode(registered));
        Assert.Equal(registered.GetRawText(), byHash.GetRawText());
        Assert.True(File.Exists(Path.Combine(api.StoreDirectory, hash + ".graphql")));
    }

    [Fact]
    public async Task A_hash_that_is_not_the_querys_is_refused_and_nothing_is_stored()
    {
        var wrong = OperationStore.HashOf("{ something { else } }");

        var (_, body) = await PostAsync(api.Client, new { query = "{ performers(first: 1) { totalCount } }", extensions = new { persistedQuery = new { version = 1, sha256Hash = wrong } } });

        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", ErrorCode(body));
        Assert.False(File.Exists(Path.Combine(api.StoreDirectory, wrong + ".graphql")));
    }

    [Fact]
    public async Task A_document_that_does_not_validate_is_not_stored()
    {
        var query = $"{{ noSuchField{Guid.NewGuid():N} }}";
        var hash = OperationStore.HashOf(query);

        var (_, body) = await PostAsync(api.Client, new { query, extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } });

        Assert.Equal("FIELDS_ON_CORRECT_TYPE", ErrorCode(body));
        Assert.False(File.Exists(Path.Combine(api.StoreDirectory, hash + ".graphql")));
    }
}
