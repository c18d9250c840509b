using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Tests.Support;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Performers;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Tests.Caching;

/// <summary>The real Api on an empty SQLite database with one performer, for the caching headers' tests.</summary>
public sealed class CachingApi : IAsyncLifetime
{
    private EmptyApi? _api;

    public HttpClient Client { get; private set; } = null!;

    public EmptyApi Empty => _api!;

    public string PerformerId { get; private set; } = "";

    public int PerformerKey { get; private set; }

    public async Task InitializeAsync()
    {
        _api = await EmptyApi.StartAsync(new Dictionary<string, string?> { ["Ide:Enabled"] = "false" });
        Client = _api.Host.CreateHttpClient();
        await using var db = OpenDatabase();
        var performer = Performer.Create("Nils Frahm", "Pianist.", "Classical");
        db.Performers.Add(performer);
        await db.SaveChangesAsync();
        PerformerKey = performer.Id;
        PerformerId = GlobalId.Encode("Performer", performer.Id);
    }

    public TicketMasterDbContext OpenDatabase() =>
        new(new DbContextOptionsBuilder<TicketMasterDbContext>().UseSqlite($"Data Source={_api!.DatabaseFile}").UseTicketMasterModel().Options);

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _api!.DisposeAsync();
    }

    public static HttpRequestMessage Post(string query, object? variables = null, string? token = null, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        return With(request, token, ifNoneMatch);
    }

    public static HttpRequestMessage Get(string pathAndQuery, string? token = null, string? ifNoneMatch = null) =>
        With(new HttpRequestMessage(HttpMethod.Get, pathAndQuery), token, ifNoneMatch);

    /// <summary>The header exactly as sent (HttpClient's parsed form reorders the directives).</summary>
    public static string? CacheControl(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("Cache-Control", out var values) ? values.ToString() : null;

    private static HttpRequestMessage With(HttpRequestMessage request, string? token, string? ifNoneMatch)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return request;
    }
}
