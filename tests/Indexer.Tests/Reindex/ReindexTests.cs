using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TicketMaster.Indexer.Lucene;
using TicketMaster.Indexer.Reindex;
using TicketMaster.Indexer.Search;
using TicketMaster.Indexer.Tests.Outbox;
using TicketMaster.Outbox;
using TicketMaster.Persistence;

namespace TicketMaster.Indexer.Tests.Reindex;

public sealed class ReindexTests
{
    [Fact]
    public async Task Searches_during_a_reindex_see_the_old_index_until_the_swap_and_the_new_one_after_never_an_empty_one()
    {
        await using var rig = await IndexerRig.CreateAsync(DatabaseProvider.Sqlite, "reindex_swap");
        var ids = await rig.SeedEventsAsync(120);
        await rig.Indexer().CatchUpAsync(CancellationToken.None);
        await using (var db = rig.Database.CreateContext())
        {
            // Changed behind the outbox's back: only a rebuild from the database can pick this up.
            await db.Events.ExecuteUpdateAsync(e => e.SetProperty(x => x.Description, "Rebuilt overnight."));
        }

        // The rebuild runs as another process would: its own adapter over the same folder.
        using var other = new LuceneSearchIndex(rig.IndexPath);
        var gate = new SwapGate(other);
        using var searching = new CancellationTokenSource();
        var totals = new List<int>();
        var swapped = false;
        var searchedBefore = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var searchedAfter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var background = Task.Run(async () =>
        {
            while (!searching.IsCancellationRequested)
            {
                var startedAfterSwap = Volatile.Read(ref swapped);
                totals.Add((await rig.SearchAsync()).Total);
                (startedAfterSwap ? searchedAfter : searchedBefore).TrySetResult();
            }
        });

        // Searches are running before the rebuild starts and go on until one has run after the swap.
        await searchedBefore.Task;
        var rebuild = rig.Indexer(gate).RebuildAsync(null, CancellationToken.None);
        await gate.Built.Task;
        var whileBuilding = await rig.Index.SearchAsync(new SearchQuery("rebuilt overnight"), CancellationToken.None);
        gate.AllowSwap.SetResult();
        await rebuild;
        Volatile.Write(ref swapped, true);
        var afterSwap = await rig.Index.SearchAsync(new SearchQuery("rebuilt overnight", Limit: 200), CancellationToken.None);
        await searchedAfter.Task;
        await searching.CancelAsync();
        await background;

        Assert.Equal(0, whileBuilding.Total);
        Assert.Equal(ids.Order(), afterSwap.Hits.Select(h => h.EventId).Order());
        Assert.NotEmpty(totals);
        Assert.All(totals, total => Assert.Equal(120, total));
    }

    [Fact]
    public async Task The_reindex_command_swaps_in_a_fresh_index_and_the_running_indexer_carries_on_from_its_checkpoint()
    {
        await using var rig = await IndexerRig.CreateAsync(DatabaseProvider.Sqlite, "reindex_command");
        var ids = await rig.SeedEventsAsync(3);
        var indexer = rig.Indexer();
        await indexer.CatchUpAsync(CancellationToken.None);
        await rig.RenameAsync([ids[0]], _ => "Before Reindex");
        await indexer.CatchUpAsync(CancellationToken.None);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(rig.Database.AppSettings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Search:IndexPath"] = rig.IndexPath });
        builder.AddIndexerServices();
        using (var host = builder.Build())
        {
            Assert.Equal(0, await ReindexCommand.RunAsync(host, CancellationToken.None));
            ((IDisposable)host.Services.GetService(typeof(ISearchIndex))!).Dispose();
        }

        await rig.RenameAsync([ids[1]], _ => "After Reindex");
        await indexer.CatchUpAsync(CancellationToken.None);

        var names = (await rig.SearchAsync()).Hits.Select(h => h.EventId).ToList();
        Assert.Equal(ids.Order(), names.Order());
        Assert.Equal([ids[0]], (await rig.SearchAsync("before reindex")).Hits.Select(h => h.EventId));
        Assert.Equal([ids[1]], (await rig.SearchAsync("after reindex")).Hits.Select(h => h.EventId));
        Assert.Equal(await rig.LastOutboxIdAsync(), await rig.Index.ReadCheckpointAsync(CancellationToken.None));
    }

    /// <summary>Holds a rebuild between "every document written" and "swapped in", so the test can search in between.</summary>
    private sealed class SwapGate(ISearchIndex inner) : ISearchIndex
    {
        public TaskCompletionSource Built { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource AllowSwap { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<long?> ReadCheckpointAsync(CancellationToken cancellationToken) => inner.ReadCheckpointAsync(cancellationToken);

        public Task ApplyAsync(IndexBatch batch, CancellationToken cancellationToken) => inner.ApplyAsync(batch, cancellationToken);

        public Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken) => inner.SearchAsync(query, cancellationToken);

        public Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, DateTime now, CancellationToken cancellationToken) =>
            inner.SuggestAsync(prefix, limit, now, cancellationToken);

        public async Task<IIndexRebuild> BeginRebuildAsync(CancellationToken cancellationToken) => new Gated(await inner.BeginRebuildAsync(cancellationToken), this);

        private sealed class Gated(IIndexRebuild rebuild, SwapGate gate) : IIndexRebuild
        {
            public Task AddAsync(IReadOnlyList<EventDocument> documents, CancellationToken cancellationToken) => rebuild.AddAsync(documents, cancellationToken);

            public async Task SwapInAsync(long checkpoint, CancellationToken cancellationToken)
            {
                gate.Built.SetResult();
                await gate.AllowSwap.Task;
                await rebuild.SwapInAsync(checkpoint, cancellationToken);
            }

            public ValueTask DisposeAsync() => rebuild.DisposeAsync();
        }
    }
}
