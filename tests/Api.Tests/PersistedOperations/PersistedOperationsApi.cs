using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Tests.Support;
using TicketMaster.GraphQL.PersistedOperations;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Performers;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Tests.PersistedOperations;

/// <summary>The real Api with an operation store in a folder of its own that already holds <see cref="PerformerQuery"/>.</summary>
public sealed class PersistedOperationsApi : IAsyncLifetime
{
    public const string PerformerQuery = "query Performer($id: ID!) { performerById(id: $id) { id name } }";

    public static readonly string PerformerQueryId = OperationStore.HashOf(PerformerQuery);

    private EmptyApi? _api;

    public string StoreDirectory { get; } = Directory.CreateTempSubdirectory("tm-operations-").FullName;

    public HttpClient Client { get; private set; } = null!;

    public EmptyApi Empty => _api!;

    public string PerformerId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(StoreDirectory, PerformerQueryId + ".graphql"), PerformerQuery);
        _api = await StartAsync(StoreDirectory);
        Client = _api.Host.CreateHttpClient();
        await using var db = new TicketMasterDbContext(new DbContextOptionsBuilder<TicketMasterDbContext>().UseSqlite($"Data Source={_api.DatabaseFile}").UseTicketMasterModel().Options);
        var performer = Performer.Create("Ólafur Arnalds", "Composer.", "Classical");
        db.Performers.Add(performer);
        await db.SaveChangesAsync();
        PerformerId = GlobalId.Encode("Performer", performer.Id);
    }

    public static Task<EmptyApi> StartAsync(string storeDirectory, bool onlyPersisted = false) =>
        EmptyApi.StartAsync(new Dictionary<string, string?>
        {
            ["Ide:Enabled"] = "false",
            ["GraphQL:PersistedOperations:Directory"] = storeDirectory,
            ["GraphQL:PersistedOperations:OnlyPersisted"] = onlyPersisted ? "true" : "false",
        });

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _api!.DisposeAsync();
        Directory.Delete(StoreDirectory, recursive: true);
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PostAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/graphql", body);
        return (response, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> GetAsync(HttpClient client, string pathAndQuery)
    {
        var response = await client.GetAsync(new Uri(pathAndQuery, UriKind.Relative));
        return (response, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    public static string? ErrorCode(JsonElement body) =>
        body.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;
}
