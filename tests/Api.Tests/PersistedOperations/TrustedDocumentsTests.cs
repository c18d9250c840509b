using TicketMaster.GraphQL.PersistedOperations;
using static TicketMaster.Api.Tests.PersistedOperations.PersistedOperationsApi;

namespace TicketMaster.Api.Tests.PersistedOperations;

/// <summary><c>GraphQL:PersistedOperations:OnlyPersisted</c>: the server runs the registered operations and nothing else.</summary>
public sealed class TrustedDocumentsTests : IAsyncLifetime
{
    private readonly string _store = Directory.CreateTempSubdirectory("tm-trusted-").FullName;
    private Support.EmptyApi? _api;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_store, PerformerQueryId + ".graphql"), PerformerQuery);
        _api = await StartAsync(_store, onlyPersisted: true);
        _client = _api.Host.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api!.DisposeAsync();
        Directory.Delete(_store, recursive: true);
    }

    [Fact]
    public async Task An_ad_hoc_document_is_refused_with_a_clear_error()
    {
        var (_, body) = await PostAsync(_client, new { query = "{ performers(first: 100) { nodes { name } } }" });

        Assert.Equal("PERSISTED_OPERATION_REQUIRED", ErrorCode(body));
        Assert.False(body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task A_registered_operation_runs_by_id_or_by_its_full_text()
    {
        var (_, byId) = await PostAsync(_client, new { id = PerformerQueryId, variables = new { id = "UGVyZm9ybWVyOjE=" } });
        var (_, byText) = await PostAsync(_client, new { query = PerformerQuery, variables = new { id = "UGVyZm9ybWVyOjE=" } });

        Assert.Null(ErrorCode(byId));
        Assert.Null(ErrorCode(byText));
    }

    [Fact]
    public async Task Automatic_registration_is_refused()
    {
        const string query = "{ venues(first: 1) { totalCount } }";
        var hash = OperationStore.HashOf(query);

        var (_, body) = await PostAsync(_client, new { query, extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } });

        Assert.Equal("PERSISTED_OPERATION_REQUIRED", ErrorCode(body));
        Assert.False(File.Exists(Path.Combine(_store, hash + ".graphql")));
    }
}
