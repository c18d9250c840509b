namespace TicketMaster.Api.Tests.Support;

/// <summary>
/// The real Api on an empty SQLite database of its own (no demo data, so it starts in about a
/// second), for tests of the HTTP surface that need no rows, or add the few they need.
/// </summary>
public sealed class EmptyApi : IAsyncDisposable
{
    private EmptyApi(ApiHost host, string dataDirectory)
    {
        Host = host;
        DataDirectory = dataDirectory;
    }

    public ApiHost Host { get; }

    /// <summary>Holds <c>ticketmaster.db</c>, the Api's database file.</summary>
    public string DataDirectory { get; }

    public string DatabaseFile => Path.Combine(DataDirectory, "ticketmaster.db");

    /// <param name="environment">The hosting environment, Production unless a test is about another.</param>
    public static async Task<EmptyApi> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, string environment = "Production")
    {
        var dataDirectory = Directory.CreateTempSubdirectory("tm-api-").FullName;
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Database:DataDirectory"] = dataDirectory,
            ["DemoData:Size"] = "None",
        };
        return new EmptyApi(await ApiHost.StartAsync(all, environment: environment), dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
