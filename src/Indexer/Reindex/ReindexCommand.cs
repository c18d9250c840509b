using ShellProgressBar;
using TicketMaster.Indexer.Outbox;

namespace TicketMaster.Indexer.Reindex;

/// <summary>
/// <c>dotnet run --project src/Indexer -- reindex</c>: builds a new index from the database beside
/// the live one, with a progress bar, and swaps it in atomically. Searches keep answering from the
/// old index until the swap; a running indexer follows the swap and replays the outbox from the
/// new index's checkpoint.
/// </summary>
public static class ReindexCommand
{
    public const string Name = "reindex";

    public static async Task<int> RunAsync(IHost host, CancellationToken cancellationToken)
    {
        var indexer = host.Services.GetRequiredService<OutboxIndexer>();
        var logger = host.Services.GetRequiredService<ILogger<OutboxIndexer>>();
        var started = TimeProvider.System.GetTimestamp();
        (int Documents, long Checkpoint) built;
        if (Console.IsOutputRedirected)
        {
            // No terminal to draw on (CI, logs): a line per tenth instead of a bar.
            var lastTenth = -1;
            built = await indexer.RebuildAsync(new Progress<(int Done, int Total)>(p =>
            {
                var tenth = p.Total == 0 ? 10 : p.Done * 10 / p.Total;
                if (tenth != Interlocked.Exchange(ref lastTenth, tenth))
                {
                    Console.WriteLine($"reindex: {p.Done:N0} / {p.Total:N0} events");
                }
            }), cancellationToken);
        }
        else
        {
            using var bar = new ProgressBar(1, "Reindexing events", new ProgressBarOptions { ProgressCharacter = '─', CollapseWhenFinished = false });
            built = await indexer.RebuildAsync(new SynchronousProgress(p =>
            {
                bar.MaxTicks = Math.Max(1, p.Total);
                bar.Tick(p.Done, $"Reindexing events: {p.Done:N0} of {p.Total:N0}");
            }), cancellationToken);
        }

        logger.LogInformation(
            "Reindexed {Documents} events in {Elapsed}; the new index is live at checkpoint {Checkpoint}",
            built.Documents, TimeProvider.System.GetElapsedTime(started), built.Checkpoint);
        return 0;
    }

    /// <summary><see cref="Progress{T}"/> posts to the thread pool; a bar wants each step in order.</summary>
    private sealed class SynchronousProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
