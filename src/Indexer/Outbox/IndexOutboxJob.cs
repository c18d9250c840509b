using Quartz;

namespace TicketMaster.Indexer.Outbox;

/// <summary>
/// The Quartz job that keeps the search index in step with the outbox, every
/// <c>Indexer:Interval</c>. Never concurrent with itself: batches apply in checkpoint order.
/// </summary>
[DisallowConcurrentExecution]
public sealed class IndexOutboxJob(OutboxIndexer indexer, IndexerOptions options) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await indexer.CatchUpAsync(cancellationToken);
        if (options.HeartbeatFile is { Length: > 0 } heartbeat)
        {
            await File.WriteAllTextAsync(heartbeat, DateTime.UtcNow.ToString("O"), cancellationToken);
        }
    }
}
