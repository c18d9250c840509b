using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketMaster.GraphQL.Caching;
using TicketMaster.Outbox;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Caching;

/// <summary>
/// Evicts cached answers when the outbox records a change to what they show (ADR 0011): any event
/// message but <c>SeatsChanged</c> evicts every answer tagged <c>Event</c>. Seat counts are not
/// evicted for: they change every second on sale, and the types that show them carry a 5 s
/// <c>maxAge</c>, which is how stale a cached page may be. Venues and performers record no outbox
/// messages yet, so their answers live their <c>maxAge</c>.
/// The outbox is read only while entries may still be alive, so an idle or signed-in-only Api stays quiet.
/// </summary>
public sealed partial class ResponseCacheEviction(
    IServiceScopeFactory scopes,
    IOutputCacheStore store,
    ResponseCachePolicy policy,
    IOptions<ResponseCacheOptions> options,
    TimeProvider clock,
    ILogger<ResponseCacheEviction> logger) : BackgroundService
{
    private static readonly string[] EventChanges =
    [
        OutboxMessageTypes.EventScheduled, OutboxMessageTypes.EventStatusChanged, OutboxMessageTypes.EventSectionPriceChanged,
        OutboxMessageTypes.EventListingChanged, OutboxMessageTypes.EventRescheduled,
    ];

    private long? _checkpoint;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.EvictionInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await EvictAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup only delays eviction; entries still expire at their maxAge.
                LogFailed(logger, e);
            }
        }
    }

    private async Task EvictAsync(CancellationToken cancellationToken)
    {
        if (policy.AliveUntil < clock.GetUtcNow())
        {
            // Nothing cached is alive: nothing to evict, and no reason to touch the database.
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketMasterDbContext>();
        var last = await db.OutboxMessages.MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
        if (last == _checkpoint)
        {
            return;
        }

        // The first look cannot know what changed since the entries were stored: it evicts.
        var changed = _checkpoint is not { } checkpoint
            || await db.OutboxMessages.AnyAsync(m => m.Id > checkpoint && m.Id <= last && EventChanges.Contains(m.Type), cancellationToken);
        if (changed)
        {
            await store.EvictByTagAsync(ResponseCachePolicy.TagOf("Event"), cancellationToken);
        }

        _checkpoint = last;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the outbox to evict cached GraphQL answers failed; cached answers live their maxAge meanwhile")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
