using System.Collections.Frozen;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Events;
using TicketMaster.Indexer.Documents;
using TicketMaster.Indexer.Search;
using TicketMaster.Outbox;
using TicketMaster.Persistence;

namespace TicketMaster.Indexer.Outbox;

/// <summary>
/// Moves the search index forward: reads the outbox after the checkpoint in id order, rebuilds
/// the document of every event a batch touches, and applies documents and the new checkpoint
/// together. With no index yet it builds one from the database instead (the outbox may have been
/// pruned). Runs one at a time (the Quartz job disallows concurrency).
/// </summary>
public sealed partial class OutboxIndexer(
    IDbContextFactory<TicketMasterDbContext> databases,
    ISearchIndex index,
    EventDocumentBuilder documents,
    IndexerOptions options,
    TimeProvider clock,
    ILogger<OutboxIndexer> logger)
{
    private const int RebuildPageSize = 1_000;

    /// <summary>The message types whose aggregate is an event whose document they change.</summary>
    private static readonly FrozenSet<string> EventMessageTypes = new[]
    {
        OutboxMessageTypes.EventScheduled, OutboxMessageTypes.EventStatusChanged, OutboxMessageTypes.EventSectionPriceChanged, OutboxMessageTypes.SeatsChanged,
        OutboxMessageTypes.EventListingChanged, OutboxMessageTypes.EventRescheduled,
    }.ToFrozenSet();

    // Quartz never overlaps the job with itself; this also covers direct callers (tests, reindex in-process).
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Applies every committed message there is, batch by batch.</summary>
    /// <returns>How many messages were applied.</returns>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await CatchUpOnceAsync(cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<int> CatchUpOnceAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await index.ReadCheckpointAsync(cancellationToken);
        if (checkpoint is null)
        {
            var built = await RebuildAsync(null, cancellationToken);
            LogFirstBuild(logger, built.Documents, built.Checkpoint);
            return 0;
        }

        var applied = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var (count, next, full, held) = await ApplyBatchAsync(checkpoint.Value, cancellationToken);
            applied += count;
            checkpoint = next;
            if (!full || held)
            {
                break;
            }
        }

        return applied;
    }

    private async Task<(int Count, long Checkpoint, bool Full, bool Held)> ApplyBatchAsync(long checkpoint, CancellationToken cancellationToken)
    {
        List<(long Id, string Type, string AggregateId, DateTime CreatedAt)> messages;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            messages = (await db.OutboxMessages.AsNoTracking()
                    .Where(m => m.Id > checkpoint)
                    .OrderBy(m => m.Id)
                    .Take(options.BatchSize)
                    .Select(m => new { m.Id, m.Type, m.AggregateId, m.CreatedAt })
                    .ToListAsync(cancellationToken))
                .Select(m => (m.Id, m.Type, m.AggregateId, m.CreatedAt))
                .ToList();
        }

        if (messages.Count == 0)
        {
            return (0, checkpoint, false, false);
        }

        var (next, held) = Checkpoint.Advance(
            checkpoint, messages.Select(m => new Checkpoint.Message(m.Id, m.CreatedAt)).ToList(), clock.GetUtcNow().UtcDateTime, options.GapWindow);

        // The newest message per event is its version.
        var versions = new Dictionary<int, long>();
        foreach (var message in messages)
        {
            if (EventMessageTypes.Contains(message.Type) &&
                int.TryParse(message.AggregateId, NumberStyles.None, CultureInfo.InvariantCulture, out var eventId))
            {
                versions[eventId] = message.Id;
            }
        }

        var (upserts, removals) = versions.Count == 0 ? ([], []) : await documents.BuildAsync(versions, cancellationToken);
        await index.ApplyAsync(new IndexBatch(upserts, removals, next), cancellationToken);
        LogBatch(logger, messages.Count, upserts.Count, removals.Count, next);
        return (messages.Count, next, messages.Count == options.BatchSize, held);
    }

    /// <summary>
    /// Builds a whole new index from the database beside the live one and swaps it in. The
    /// checkpoint is the newest outbox id older than the gap window, read before the events are,
    /// so every change after it is replayed on top and none is lost.
    /// </summary>
    public async Task<(int Documents, long Checkpoint)> RebuildAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        long checkpoint;
        int total;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            var safeBefore = clock.GetUtcNow().UtcDateTime - options.GapWindow;
            checkpoint = await db.OutboxMessages.Where(m => m.CreatedAt <= safeBefore).MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
            total = await db.Events.CountAsync(e => EventDocumentBuilder.Searchable.Contains(e.Status), cancellationToken);
        }

        progress?.Report((0, total));
        await using var rebuild = await index.BeginRebuildAsync(cancellationToken);
        var done = 0;
        var after = 0;
        while (true)
        {
            List<int> ids;
            await using (var db = await databases.CreateDbContextAsync(cancellationToken))
            {
                ids = await db.Events.Where(e => e.Id > after && EventDocumentBuilder.Searchable.Contains(e.Status))
                    .OrderBy(e => e.Id).Select(e => e.Id).Take(RebuildPageSize).ToListAsync(cancellationToken);
            }

            if (ids.Count == 0)
            {
                break;
            }

            var (upserts, _) = await documents.BuildAsync(ids.ToDictionary(id => id, _ => checkpoint), cancellationToken);
            await rebuild.AddAsync(upserts, cancellationToken);
            done += upserts.Count;
            after = ids[^1];
            progress?.Report((done, Math.Max(done, total)));
        }

        await rebuild.SwapInAsync(checkpoint, cancellationToken);
        return (done, checkpoint);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index built from the database: {Documents} events, checkpoint {Checkpoint}")]
    private static partial void LogFirstBuild(ILogger logger, int documents, long checkpoint);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Indexed {Messages} outbox messages: {Upserts} upserts, {Removals} removals, checkpoint {Checkpoint}")]
    private static partial void LogBatch(ILogger logger, int messages, int upserts, int removals, long checkpoint);
}
