using TicketMaster.Api.Tests.Support;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Tests.Caching;

/// <summary>
/// <c>GraphQL:ResponseCache:Store=Redis</c>: two Api instances over one database and one Redis share
/// their cached answers, so what one executed the other serves.
/// </summary>
public sealed class SharedResponseCacheTests : IAsyncLifetime
{
    private TestDatabase? _database;
    private ApiHost? _a;
    private ApiHost? _b;

    public async Task InitializeAsync()
    {
        var redis = await RedisServer.GetAsync();
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "sharedcache");
        var settings = new Dictionary<string, string?>(_database.AppSettings)
        {
            ["DemoData:Size"] = "None",
            ["Ide:Enabled"] = "false",
            ["GraphQL:ResponseCache:Store"] = "Redis",
            ["ConnectionStrings:Redis"] = redis.Endpoint,
        };
        _a = await ApiHost.StartAsync(settings);
        _b = await ApiHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in new[] { _a, _b })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_answer_executed_by_one_instance_is_served_from_the_cache_by_the_other()
    {
        var path = new Uri($"/graphql?query={Uri.EscapeDataString($"{{ venues(first: 3) {{ totalCount }} v{Guid.NewGuid():N}: __typename }}")}", UriKind.Relative);
        using var a = _a!.CreateHttpClient();
        using var b = _b!.CreateHttpClient();

        using var executed = await a.GetAsync(path);

        // The store is written as the response completes: wait until A itself answers from it.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var again = await a.GetAsync(path);
            if (again.Headers.Age is not null)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "Instance A never answered from the cache.");
            await Task.Delay(50);
        }

        using var served = await b.GetAsync(path);

        Assert.Null(executed.Headers.Age);
        Assert.NotNull(served.Headers.Age);
        Assert.Equal(await executed.Content.ReadAsStringAsync(), await served.Content.ReadAsStringAsync());
    }
}
