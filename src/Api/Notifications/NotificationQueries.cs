using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Users;
using TicketMaster.GraphQL.Filtering;
using TicketMaster.GraphQL.Mutations;
using TicketMaster.GraphQL.Paging;
using TicketMaster.GraphQL.Relay;
using TicketMaster.GraphQL.Sorting;
using TicketMaster.Notifications;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Notifications;

public static class NotificationQueries
{
    private const int MaxIdsToMark = 100;

    public static void AddNotificationQueries(this ObjectGraphType query)
    {
        query.AddRequestConnection<TicketMasterDbContext, object?, Notification, Guid, NotificationType, NotificationFilterInputType, NotificationSortInputType>(
                "myNotifications",
                "Your in-app notifications as they are delivered (a second or two after what they tell of), newest first (`readAt` is null on unread ones; `markNotificationsRead` marks them). Null (with an AUTH_NOT_AUTHENTICATED error) without a token.",
                (db, ctx) => db.Notifications.AsNoTracking().Where(n => n.RecipientId == ctx.UserId() && n.Channel == NotificationChannel.InApp && n.Status == NotificationStatus.Sent),
                n => n.Id,
                new Dictionary<string, object?> { ["createdAt"] = SortDirection.Desc })
            .Authorize();

        query.Field<IntGraphType>("myUnreadNotificationCount")
            .Description("How many of your in-app notifications are unread, for a badge. Null (with an AUTH_NOT_AUTHENTICATED error) without a token.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var me = ctx.UserId();
                await using var db = await ctx.RequestServices!.GetRequiredService<IDbContextFactory<TicketMasterDbContext>>().CreateDbContextAsync(ctx.CancellationToken);
                return await db.Notifications.CountAsync(n => n.RecipientId == me && n.Channel == NotificationChannel.InApp && n.Status == NotificationStatus.Sent && n.ReadAt == null, ctx.CancellationToken);
            });

        query.AddRequestConnection<TicketMasterDbContext, object?, Notification, Guid, NotificationType, NotificationFilterInputType, NotificationSortInputType>(
                "deadNotifications",
                "Notifications that failed every attempt, oldest first, with `lastError`: fix the cause, then `retryNotification`. Admins only.",
                (db, _) => db.Notifications.AsNoTracking().Where(n => n.Status == NotificationStatus.Dead),
                n => n.Id,
                new Dictionary<string, object?> { ["createdAt"] = SortDirection.Asc })
            .AuthorizeWithPolicy(Policies.Admin);
    }

    public static void AddNotificationMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<RetryNotificationInput, Notification>("retryNotification")
            .Description("Gives a DEAD notification a fresh round of attempts, starting now. Admins only.")
            .AuthorizeWithPolicy(Policies.Admin)
            .Returns<NotificationType>("notification", "The notification, PENDING again.")
            .Errors(typeof(NotificationNotFoundException), typeof(NotificationNotDeadException))
            .Resolve((input, ctx) => ctx.Service<RetryNotification>().ExecuteAsync(input.NotificationId, ctx.CancellationToken));

        mutation.Mutation<MarkNotificationsReadInput, int>("markNotificationsRead")
            .Description("Marks your in-app notifications read: those listed, or all of them.")
            .Authorize()
            .Returns(payload => payload.Field<IntGraphType>("unread", unread => unread, "How many of your notifications are still unread."))
            .Errors(typeof(NotificationNotFoundException), typeof(TicketMaster.Common.InvalidFieldException))
            .Resolve((input, ctx) => MarkReadAsync(ctx, input));
    }

    /// <summary><c>node(id:)</c> for notifications: the recipient's, or any for an admin.</summary>
    public static IDataLoaderResult LoadVisibleNotification(IResolveFieldContext context, Guid id) => new VisibleNotification(context, id);

    private static async Task<int> MarkReadAsync(MutationContext ctx, MarkNotificationsReadInput input)
    {
        var db = ctx.Service<TicketMasterDbContext>();
        var now = ctx.Service<TimeProvider>().GetUtcNow().UtcDateTime;
        var me = ctx.UserId();
        var mine = db.Notifications.Where(n => n.RecipientId == me && n.Channel == NotificationChannel.InApp && n.Status == NotificationStatus.Sent && n.ReadAt == null);
        var ids = input.NotificationIds;
        if (ids is { Count: > MaxIdsToMark })
        {
            throw new TicketMaster.Common.InvalidFieldException("notificationIds", $"must list at most {MaxIdsToMark} notifications; omit it to mark all read");
        }

        if (ids is { Count: > 0 })
        {
            // Someone else's id reads as unknown: whether it exists is not yours to learn.
            var known = await db.Notifications.Where(n => n.RecipientId == me && n.Channel == NotificationChannel.InApp && n.Status == NotificationStatus.Sent && ids.Contains(n.Id)).Select(n => n.Id).ToListAsync(ctx.CancellationToken);
            if (ids.FirstOrDefault(id => !known.Contains(id)) is var unknown && unknown != Guid.Empty)
            {
                throw new NotificationNotFoundException(unknown);
            }
        }

        await (ids is { Count: > 0 } ? mine.Where(n => ids.Contains(n.Id)) : mine).ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), ctx.CancellationToken);
        return await mine.CountAsync(ctx.CancellationToken);
    }
}

/// <summary>One notification for <c>node(id:)</c>, on a context of its own (node resolvers of one request run side by side).</summary>
internal sealed class VisibleNotification(IResolveFieldContext context, Guid id) : IDataLoaderResult<Notification?>
{
    public async Task<Notification?> GetResultAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await context.RequestServices!.GetRequiredService<IDbContextFactory<TicketMasterDbContext>>().CreateDbContextAsync(cancellationToken);
        var notification = await db.Notifications.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        return notification is not null && (context.User?.IsAdmin() == true || notification.RecipientId == Caller.UserIdOf(context.User)) ? notification : null;
    }

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
}

[System.ComponentModel.Description("The dead notification to send again.")]
public sealed record RetryNotificationInput(
    [property: TicketMaster.GraphQL.Relay.Id(NotificationType.TypeName), System.ComponentModel.Description("A notification from `deadNotifications`.")] Guid NotificationId);

[System.ComponentModel.Description("Which of your notifications you have read.")]
public sealed record MarkNotificationsReadInput(
    [property: TicketMaster.GraphQL.Relay.Id(NotificationType.TypeName), System.ComponentModel.Description("The notifications to mark read, at most 100; omit it to mark all of yours read.")] IReadOnlyList<Guid>? NotificationIds);

public sealed class NotificationFilterInputType : FilterInputType<Notification>
{
    public NotificationFilterInputType()
        : base("NotificationFilterInput", "notifications")
    {
        Comparable<DateTimeOperationFilterInputType>("createdAt", (Notification n) => n.CreatedAt, "Notifications by when they were planned (UTC).");
    }
}

public sealed class NotificationSortInputType : SortInputType<Notification>
{
    public NotificationSortInputType()
        : base("NotificationSortInput", "notifications")
    {
        Field("createdAt", (Notification n) => n.CreatedAt, "By when they were planned: DESC is newest first.");
    }
}
