using TicketMaster.Persistence;

namespace TicketMaster.Api.Tests.Support;

/// <summary>
/// A test database seeded by the fixture, then the real Api over it (no demo data), shared by a
/// collection's tests. Where the provider cannot be had (no MariaDB), every use of <see cref="Client"/>
/// skips with the reason.
/// </summary>
public abstract class SeededApi(DatabaseProvider provider, string name) : IAsyncLifetime
{
    private TestDatabase? _database;
    private SkipException? _unavailable;

    protected ApiHost? Api { get; private set; }

    public GraphQLClient Client => _unavailable is { } skip ? throw skip : new(Api!.CreateHttpClient());

    public async Task InitializeAsync()
    {
        try
        {
            _database = await TestDatabase.CreateAsync(provider, name);
        }
        catch (SkipException skip)
        {
            _unavailable = skip;
            return;
        }

        await SeedAsync(_database);
        Api = await ApiHost.StartAsync(new Dictionary<string, string?>(_database.AppSettings) { ["DemoData:Size"] = "None" });
        await StartedAsync(Api);
    }

    public async Task DisposeAsync()
    {
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>Writes what the tests read, before the Api starts.</summary>
    protected abstract Task SeedAsync(TestDatabase database);

    /// <summary>What must happen once the Api runs (indexing, say); nothing by default.</summary>
    protected virtual Task StartedAsync(ApiHost api) => Task.CompletedTask;
}
