using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using TicketMaster.Api.Events;
using TicketMaster.Api.Users;
using TicketMaster.GraphQL.Relay;
using TicketMaster.WaitingRoom;

namespace TicketMaster.Api.WaitingRoom;

public static class WaitingRoomQueries
{
    public static void AddWaitingRoomQueries(this ObjectGraphType query)
    {
        query.Field<WaitingRoomType>("waitingRoom")
            .Description("The event's waiting room, with your place in it (`myTicket`); null when the event has none and you reserve directly. Poll it, or subscribe, to follow your place.")
            .AllowAnonymous()
            .IdArgument("eventId", EventType.TypeName, "The event's global id, from `Event.id`.")
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<IWaitingRoomQueue>().SettingsAsync(ctx.GetArgument<int>("eventId"), ctx.CancellationToken));
    }

    /// <summary><c>node(id:)</c> for queue tickets: the holder's only.</summary>
    public static IDataLoaderResult LoadOwnTicket(IResolveFieldContext context, Guid id) =>
        new Loaded(LoadAsync(context, id));

    private static async Task<QueueTicket?> LoadAsync(IResolveFieldContext context, Guid id)
    {
        var services = context.RequestServices!;
        var ticket = await services.GetRequiredService<IWaitingRoomQueue>().FindAsync(id, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, context.CancellationToken);
        return ticket is not null && ticket.UserId == Caller.UserIdOf(context.User) ? ticket : null;
    }

    /// <summary>A queue ticket comes from the queue, not a batch: its load is just the lookup's task.</summary>
    private sealed class Loaded(Task<QueueTicket?> task) : IDataLoaderResult
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default) => await task;
    }
}
