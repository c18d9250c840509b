using TicketMaster.Persistence;

namespace TicketMaster.Indexer;

/// <summary>
/// The indexer's wiring. It reads the same <c>Database</c> and <c>ConnectionStrings</c> keys as
/// the Api, so one environment configures both processes. The outbox-to-search job arrives with
/// the search index (see docs/adr/0001-foundation.md).
/// </summary>
public static class IndexerServices
{
    public static HostApplicationBuilder AddIndexerServices(this HostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddTicketMasterDatabase(builder.Environment.ContentRootPath);
        builder.Services.AddHostedService<OutboxBacklogReporter>();
        return builder;
    }
}
