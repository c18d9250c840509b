using GraphQL.Types;
using TicketMaster.Api.Events;
using TicketMaster.GraphQL.Relay;
using TicketMaster.WaitingRoom;

namespace TicketMaster.Api.WaitingRoom;

public sealed class QueueStatusType : EnumerationGraphType
{
    public QueueStatusType()
    {
        Name = "QueueStatus";
        Description = "Where a queue place is: WAITING, then ADMITTED, then EXPIRED; or LEFT at any point.";
        Add("WAITING", QueueStatus.Waiting, "In the queue; `position` says where (null until the sale opens and the opening draw places everyone who joined before).");
        Add("ADMITTED", QueueStatus.Admitted, "Your turn: reserve with `admissionPass` before `passExpiresAt`.");
        Add("EXPIRED", QueueStatus.Expired, "The pass ran out and the place went to the next shopper; join again for a new place at the back.");
        Add("LEFT", QueueStatus.Left, "You left the queue; join again for a new place at the back.");
    }
}

public sealed class QueueTicketType : ObjectGraphType<QueueTicket>
{
    public const string TypeName = "QueueTicket";

    public QueueTicketType()
    {
        Name = TypeName;
        Description = "Your place in an event's waiting room. Poll `waitingRoom(eventId:)` to follow it; reserve with `admissionPass` once ADMITTED.";
        this.ImplementsNode(TypeName, t => t.Id);
        Field<NonNullGraphType<EventType>>("event").Description("The event the queue is for.")
            .Resolve(ctx => ctx.Loaders<EventDataLoaders>().EventById.Load(ctx.Source.EventId));
        Field<NonNullGraphType<QueueStatusType>>("status").Description("Waiting, admitted, expired or left.").Resolve(ctx => ctx.Source.Status);
        Field<IntGraphType>("position").Description("1 is next in; null before the opening draw and once no longer WAITING.").Resolve(ctx => ctx.Source.Position);
        Field<IntGraphType>("aheadOfYou").Description("Shoppers ahead of you (`position` - 1); null when `position` is.").Resolve(ctx => ctx.Source.AheadOfYou);
        Field<IntGraphType>("estimatedWaitSeconds")
            .Description("Roughly how many seconds until you are admitted: those ahead of you over the admissions measured in the last minute. Null when not WAITING or before the opening draw; admission also waits for admitted shoppers to finish, so show it as an estimate.")
            .Resolve(ctx => ctx.Source.EstimatedWait is { } wait ? (int)wait.TotalSeconds : null);
        Field<StringGraphType>("admissionPass")
            .Description("While ADMITTED: pass it as `admissionPass` to `reserveSeats` / `reserveBestAvailable` for this event. It works for your account only.")
            .Resolve(ctx => ctx.Source.Pass);
        Field<DateTimeGraphType>("passExpiresAt").Description("While ADMITTED: when the pass stops working and your place goes to the next shopper.")
            .Resolve(ctx => ctx.Source.PassExpiresAt);
        Field<NonNullGraphType<DateTimeGraphType>>("admitsFrom").Description("When admission starts (the sale opens): places are drawn then.")
            .Resolve(ctx => ctx.Source.AdmitsFrom);
    }
}

public sealed class WaitingRoomType : ObjectGraphType<WaitingRoomSettings>
{
    public WaitingRoomType()
    {
        Name = "WaitingRoom";
        Description = "An event's waiting room: while on, reserving needs an admission pass from the queue.";
        Field<NonNullGraphType<BooleanGraphType>>("isOn").Description("Whether reserving for the event needs a pass.").Resolve(ctx => ctx.Source.IsOn);
        Field<NonNullGraphType<IntGraphType>>("admissionsPerMinute").Description("The most shoppers let through per minute.").Resolve(ctx => ctx.Source.AdmissionsPerMinute);
        Field<NonNullGraphType<IntGraphType>>("maxAdmitted").Description("The most shoppers holding a valid pass at once.").Resolve(ctx => ctx.Source.MaxAdmitted);
        Field<NonNullGraphType<DateTimeGraphType>>("opensAt").Description("From when accounts may join.").Resolve(ctx => ctx.Source.OpensAt);
        Field<NonNullGraphType<DateTimeGraphType>>("admitsFrom").Description("When admission starts (the sale opens); everyone who joined before is drawn into a random order then.")
            .Resolve(ctx => ctx.Source.AdmitsFrom);
        Field<QueueTicketType>("myTicket").Description("Your place in this queue; null when you have not joined or are not signed in.")
            .ResolveAsync(async ctx => Users.Caller.UserIdOf(ctx.User) is { } userId
                ? await ctx.RequestServices!.GetRequiredService<IWaitingRoomQueue>().FindAsync(
                    ctx.Source.EventId, userId, ctx.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ctx.CancellationToken)
                : null);
    }
}
