using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TicketMaster.Outbox;
using TicketMaster.Persistence;

namespace TicketMaster.Indexer.Tests;

public sealed class IndexerHostTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task The_indexer_reads_the_outbox_of_the_database_the_api_is_configured_with(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, "indexer");
        await using (var db = database.CreateContext())
        {
            db.OutboxMessages.AddRange(Enumerable.Range(1, 3).Select(id =>
                OutboxMessage.Create(OutboxMessageTypes.EventScheduled, $"{id}", new EventScheduled(id, 1, $"Event {id}", TestData.Now), TestData.Now)));
            await db.SaveChangesAsync();
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        var indexPath = Directory.CreateTempSubdirectory("tm-host-index-").FullName;
        builder.Configuration.AddInMemoryCollection(database.AppSettings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Search:IndexPath"] = indexPath });
        builder.AddIndexerServices();
        using var host = builder.Build();

        await host.StartAsync();
        var reporter = host.Services.GetServices<IHostedService>().OfType<OutboxBacklogReporter>().Single();
        var backlog = await reporter.Backlog.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();
        Directory.Delete(indexPath, recursive: true);

        Assert.Equal(3, backlog);
    }
}
