using System.ComponentModel;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Events;
using TicketMaster.Api.Notifications;
using TicketMaster.Api.Users;
using TicketMaster.GraphQL.Filtering;
using TicketMaster.GraphQL.Mutations;
using TicketMaster.GraphQL.Paging;
using TicketMaster.GraphQL.Relay;
using TicketMaster.GraphQL.Sorting;
using TicketMaster.Notifications;
using TicketMaster.OrganizerWebhooks;
using TicketMaster.Persistence;
using IdAttribute = TicketMaster.GraphQL.Relay.IdAttribute;

namespace TicketMaster.Api.OrganizerWebhooks;

public static class WebhookEndpointFields
{
    public static void AddWebhookEndpointQueries(this ObjectGraphType query) =>
        query.AddRequestConnection<TicketMasterDbContext, object?, WebhookEndpoint, Guid, WebhookEndpointType, WebhookEndpointFilterInputType, WebhookEndpointSortInputType>(
                "myWebhookEndpoints",
                "The webhook endpoints you added, newest first, with their deliveries. Null (with an AUTH_NOT_AUTHENTICATED error) without a token.",
                (db, ctx) => db.WebhookEndpoints.AsNoTracking().Where(e => e.OwnerId == ctx.UserId()),
                e => e.Id,
                new Dictionary<string, object?> { ["createdAt"] = SortDirection.Desc })
            .Authorize();

    public static void AddWebhookEndpointMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<AddWebhookEndpointInput, WebhookEndpoint>("addWebhookEndpoint")
            .Description("Adds an endpoint told about the event by signed POSTs (JSON `{ id, type, created, data }`). Verify header `TicketMaster-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\" keyed by signingSecret>` and refuse old `t`; `TicketMaster-Delivery` is the same on every attempt of one delivery, so drop repeats by it. Answer 2xx within 10 s; anything else (redirects too) is retried with backoff until DEAD. The event's organizer or an admin.")
            .AuthorizeWithPolicy(Policies.EventOrganizer)
            .Returns(payload =>
            {
                payload.Field<WebhookEndpointType>("webhookEndpoint", endpoint => endpoint, "The endpoint; null when `errors` is set.");
                payload.Field<StringGraphType>("signingSecret", endpoint => endpoint.Secret, "The endpoint's signing secret. Shown this once: store it now; it cannot be read again.");
            })
            .Errors(typeof(WebhookUrlRefusedException), typeof(WebhookEventTypesMissingException), typeof(TooManyWebhookEndpointsException), typeof(TicketMaster.Common.InvalidFieldException))
            .Resolve((input, ctx) => ctx.Service<AddWebhookEndpoint>().ExecuteAsync(ctx.UserId(), input.EventId, input.Url, input.Events, ctx.CancellationToken));

        mutation.Mutation<RemoveWebhookEndpointInput, Guid>("removeWebhookEndpoint")
            .Description("Removes one of your endpoints; deliveries still waiting for it are dropped. Admins may remove any.")
            .Authorize()
            .Returns(payload => payload.Field<IdGraphType>("removedWebhookEndpointId", id => GlobalId.Encode(WebhookEndpointType.TypeName, id), "The removed endpoint's id; null when `errors` is set."))
            .Errors(typeof(WebhookEndpointNotFoundException))
            .Resolve((input, ctx) => ctx.Service<RemoveWebhookEndpoint>().ExecuteAsync(ctx.UserId(), ctx.User.IsAdmin(), input.WebhookEndpointId, ctx.CancellationToken));

        mutation.Mutation<RedeliverWebhookInput, Notification>("redeliverWebhook")
            .Description("Sends a delivery of one of your endpoints again, whatever its status: same `TicketMaster-Delivery` id and body, attempts start over now. Admins may redeliver any.")
            .Authorize()
            .Returns<NotificationType>("delivery", "The delivery, PENDING again; null when `errors` is set.")
            .Errors(typeof(WebhookDeliveryNotFoundException))
            .Resolve((input, ctx) => ctx.Service<RedeliverWebhook>().ExecuteAsync(ctx.UserId(), ctx.User.IsAdmin(), input.NotificationId, ctx.CancellationToken));
    }

    /// <summary><c>node(id:)</c> for endpoints: the owner's, or any for an admin.</summary>
    public static IDataLoaderResult LoadVisibleEndpoint(IResolveFieldContext context, Guid id) => new VisibleEndpoint(context, id);
}

/// <summary>One endpoint for <c>node(id:)</c>, on a context of its own (node resolvers of one request run side by side).</summary>
internal sealed class VisibleEndpoint(IResolveFieldContext context, Guid id) : IDataLoaderResult<WebhookEndpoint?>
{
    public async Task<WebhookEndpoint?> GetResultAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await context.RequestServices!.GetRequiredService<IDbContextFactory<TicketMasterDbContext>>().CreateDbContextAsync(cancellationToken);
        var endpoint = await db.WebhookEndpoints.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return endpoint is not null && (context.User?.IsAdmin() == true || endpoint.OwnerId == Caller.UserIdOf(context.User)) ? endpoint : null;
    }

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
}

[Description("Where to send the event's webhooks, and which.")]
public sealed record AddWebhookEndpointInput(
    [property: Id(EventType.TypeName), Description("Your event.")] int EventId,
    [property: Description("An absolute https URL on a public host (at most 500 characters); http and private addresses only in Development.")] string Url,
    [property: Description("The event types to send: at least one, each at most once.")] IReadOnlyList<WebhookEventType> Events) : IEventScoped;

[Description("The endpoint to remove.")]
public sealed record RemoveWebhookEndpointInput(
    [property: Id(WebhookEndpointType.TypeName), Description("One of `myWebhookEndpoints`.")] Guid WebhookEndpointId);

[Description("The delivery to send again.")]
public sealed record RedeliverWebhookInput(
    [property: Id(NotificationType.TypeName), Description("A delivery from `WebhookEndpoint.deliveries`.")] Guid NotificationId);

public sealed class WebhookEndpointFilterInputType : FilterInputType<WebhookEndpoint>
{
    public WebhookEndpointFilterInputType()
        : base("WebhookEndpointFilterInput", "webhook endpoints")
    {
        Comparable<DateTimeOperationFilterInputType>("createdAt", (WebhookEndpoint e) => e.CreatedAt, "Endpoints by when they were added (UTC).");
    }
}

public sealed class WebhookEndpointSortInputType : SortInputType<WebhookEndpoint>
{
    public WebhookEndpointSortInputType()
        : base("WebhookEndpointSortInput", "webhook endpoints")
    {
        Field("createdAt", (WebhookEndpoint e) => e.CreatedAt, "By when they were added: DESC is newest first.");
    }
}
