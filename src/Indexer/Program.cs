using TicketMaster.Indexer;
using TicketMaster.Indexer.Reindex;

var reindex = args is [ReindexCommand.Name, ..];
var builder = Host.CreateApplicationBuilder(reindex ? args[1..] : args);
builder.AddIndexerServices();
using var host = builder.Build();
if (reindex)
{
    return await ReindexCommand.RunAsync(host, CancellationToken.None);
}

await host.RunAsync();
return 0;
