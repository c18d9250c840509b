using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.Abuse;

/// <summary>The real Api in Production on the small demo data set (the 22,496-seat stadium included), for attacks that need real sizes.</summary>
public sealed class DemoApi : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tm-abuse-demo-").FullName;

    public ApiHost Host { get; private set; } = null!;

    public GraphQLClient Client => new(Host.CreateHttpClient());

    public async Task InitializeAsync() =>
        Host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["Database:DataDirectory"] = _directory, ["DemoData:Size"] = "Small" });

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
