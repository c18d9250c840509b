using System.Reflection;
using TicketMaster.Persistence;

namespace TicketMaster.Indexer.Tests.Outbox;

/// <summary>
/// The real Indexer process (<c>dotnet TicketMaster.Indexer.dll</c>), killed with SIGKILL while it
/// works through a backlog of batches, then started again: the index ends with every event exactly
/// once, carrying the newest data. (OutboxIndexerTests covers a failure at an exact point inside a
/// batch; this covers a death with no chance to clean up.)
/// </summary>
public sealed class IndexerProcessKillTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Killing_the_indexer_process_mid_backlog_and_restarting_it_loses_and_duplicates_nothing()
    {
        await using var rig = await IndexerRig.CreateAsync(DatabaseProvider.Sqlite, "kill");
        var ids = await rig.SeedEventsAsync(600);
        await rig.Indexer().CatchUpAsync(CancellationToken.None);
        var start = await rig.Index.ReadCheckpointAsync(CancellationToken.None) ?? 0;
        await rig.RenameAsync(ids, id => $"Renamed {id}");
        var last = await rig.LastOutboxIdAsync();

        using (var first = StartIndexer(rig))
        {
            // Three batches of three committed: the process is now working through the other 197.
            await first.WaitUntilReadyAsync("the indexer", async () => await CheckpointAsync(rig) >= start + 9, Deadline);
            first.Kill();
        }

        var afterKill = await CheckpointAsync(rig);
        using (var second = StartIndexer(rig))
        {
            await second.WaitUntilReadyAsync("the restarted indexer", async () => await CheckpointAsync(rig) == last, Deadline);
            second.Kill();
        }

        rig.Restart();
        var perEvent = rig.Index.CountDocumentsPerEvent();
        Assert.InRange(afterKill, start + 9, last - 1);
        Assert.Equal(ids.Order(), perEvent.Keys.Order());
        Assert.All(perEvent.Values, count => Assert.Equal(1, count));
        var renamed = await rig.Index.SearchAsync(new Search.SearchQuery("renamed", Limit: 0), CancellationToken.None);
        Assert.Equal(600, renamed.Total);
    }

    private static async Task<long> CheckpointAsync(IndexerRig rig)
    {
        // A reader of its own each time, as another process would see the folder.
        using var reader = new Lucene.LuceneSearchIndex(rig.IndexPath);
        return await reader.ReadCheckpointAsync(CancellationToken.None) ?? 0;
    }

    private static ServerProcess StartIndexer(IndexerRig rig)
    {
        var configuration = typeof(IndexerProcessKillTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(Repository.Root, "src", "Indexer", "bin", configuration, "net10.0", "TicketMaster.Indexer.dll");
        var environment = rig.Database.AppSettings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        environment["DOTNET_ENVIRONMENT"] = "Production";
        environment["Search__IndexPath"] = rig.IndexPath;
        environment["Indexer__BatchSize"] = "3";
        environment["Indexer__Interval"] = "00:00:00.100";
        return new ServerProcess("dotnet", [dll], environment, Path.GetDirectoryName(dll));
    }
}
