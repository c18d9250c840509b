using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Live;
using TicketMaster.Api.Users;
using TicketMaster.Notifications;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Notifications;

public static class NotificationSubscriptions
{
    /// <summary>How often a subscriber's new notifications are looked for.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static void AddNotificationSubscriptions(this ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<NotificationType>>("onNotificationReceived")
            .Description("Your in-app notifications: first the unread ones (oldest first), then each new one within about a second of its delivery. Needs the access token " +
                         "(WebSocket: `connection_init` payload `{ \"Authorization\": \"Bearer …\" }`; SSE: the Authorization header).")
            .Authorize()
            .ResolveStreamAsync(ctx =>
            {
                var user = ctx.UserId();
                var databases = ctx.RequestServices!.GetRequiredService<IDbContextFactory<TicketMasterDbContext>>();

                // Read from the table every Api instance writes, so a notification delivered by any
                // instance reaches a subscriber on any other. One indexed query per subscriber per
                // second: fine for inboxes, not for a million open sockets (then: pub/sub).
                return Task.FromResult<IObservable<object?>>(new LiveStream([], [], async (emit, cancellationToken) =>
                {
                    var seen = new HashSet<Guid>();
                    DateTime? since = null;
                    using var timer = new PeriodicTimer(PollInterval);
                    do
                    {
                        await using var db = await databases.CreateDbContextAsync(cancellationToken);
                        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientId == user && n.Channel == NotificationChannel.InApp && n.Status == NotificationStatus.Sent);
                        var fresh = await (since is { } after ? mine.Where(n => n.SentAt >= after) : mine.Where(n => n.ReadAt == null))
                            .OrderBy(n => n.SentAt).ToListAsync(cancellationToken);
                        foreach (var notification in fresh.Where(n => seen.Add(n.Id)))
                        {
                            emit(notification);
                        }

                        // A little overlap: a row sent as the last look ran is found next time (seen skips repeats).
                        since = fresh.Count > 0 ? fresh.Max(n => n.SentAt)!.Value.AddSeconds(-5) : since ?? DateTime.UtcNow.AddSeconds(-5);
                    }
                    while (await timer.WaitForNextTickAsync(cancellationToken));
                }));
            });
    }
}
