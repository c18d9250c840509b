using TicketMaster.Indexer.Search;
using TicketMaster.Persistence;

namespace TicketMaster.Indexer;

/// <summary>
/// The indexer's wiring. It reads the same <c>Database</c>, <c>ConnectionStrings</c>, <c>Search</c>
/// and <c>Indexer</c> keys as the Api, so one environment configures both processes. Run as its
/// own process, set <c>Indexer:RunInApi=false</c> on the Api so only one process writes the index.
/// </summary>
public static class IndexerServices
{
    public static HostApplicationBuilder AddIndexerServices(this HostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddTicketMasterDatabase(builder.Environment.ContentRootPath);
        builder.Services.AddSearchIndex(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddOutboxIndexing(builder.Configuration);
        builder.Services.AddHostedService<OutboxBacklogReporter>();
        return builder;
    }
}
