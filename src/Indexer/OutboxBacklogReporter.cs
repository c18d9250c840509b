using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.Indexer;

/// <summary>
/// On start, waits for the database to answer and reports how much of the outbox there is to
/// index, so an operator sees at once whether the indexer reaches the right database.
/// </summary>
public sealed class OutboxBacklogReporter(IServiceScopeFactory scopes, ILogger<OutboxBacklogReporter> logger) : BackgroundService
{
    public TaskCompletionSource<long> Backlog { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var retry = new PeriodicTimer(TimeSpan.FromSeconds(2));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TicketMasterDbContext>();
                var backlog = await db.OutboxMessages.LongCountAsync(stoppingToken);
                logger.LogInformation("Connected to the database; {Backlog} outbox messages to index", backlog);
                Backlog.TrySetResult(backlog);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Database not reachable yet: {Message}", e.Message);
            }
        }
        while (await retry.WaitForNextTickAsync(stoppingToken));
    }
}
