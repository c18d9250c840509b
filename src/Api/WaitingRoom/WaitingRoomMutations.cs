using GraphQL.Types;
using TicketMaster.Api.Users;
using TicketMaster.Events;
using TicketMaster.GraphQL.Mutations;
using TicketMaster.WaitingRoom;

namespace TicketMaster.Api.WaitingRoom;

public static class WaitingRoomMutations
{
    public static void AddWaitingRoomMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<ConfigureWaitingRoomInput, WaitingRoomSettings>("configureWaitingRoom")
            .Description("Turns your event's waiting room on (with its limits) or off. While on, `reserveSeats` and `reserveBestAvailable` need an admission pass. Only the event's organizer, or an admin.")
            .AuthorizeWithPolicy(Policies.EventOrganizer)
            .Returns<WaitingRoomType>("waitingRoom", "The room as now configured.")
            .Errors(typeof(EventNotFoundException), typeof(InvalidWaitingRoomSettingsException))
            .Resolve((input, ctx) => ctx.Service<ConfigureWaitingRoom>().ExecuteAsync(
                input.EventId, input.On, input.AdmissionsPerMinute, input.MaxAdmitted,
                input.OpensAt?.ToUniversalTime() ?? ctx.Service<TimeProvider>().GetUtcNow().UtcDateTime, ctx.CancellationToken));

        mutation.Mutation<JoinWaitingRoomInput, QueueTicket>("joinWaitingRoom")
            .Description("Takes your place in the event's queue. One place per account: joining again returns the same place while it is WAITING or ADMITTED.")
            .Authorize()
            .Returns<QueueTicketType>("ticket", "Your place; follow it with `waitingRoom(eventId:)` until it is ADMITTED.")
            .Errors(typeof(NoWaitingRoomException), typeof(WaitingRoomNotOpenException), typeof(TooManyJoinsException))
            .Resolve((input, ctx) =>
            {
                ctx.Service<JoinLimit>().Check(ctx.Service<IHttpContextAccessor>().HttpContext?.Connection.RemoteIpAddress);
                return ctx.Service<JoinWaitingRoom>().ExecuteAsync(ctx.UserId(), input.EventId, ctx.CancellationToken);
            });

        mutation.Mutation<LeaveWaitingRoomInput, QueueTicket>("leaveWaitingRoom")
            .Description("Gives up your place (and your pass, if admitted) so the next shopper moves up.")
            .Authorize()
            .Returns<QueueTicketType>("ticket", "Your place, now LEFT.")
            .Errors(typeof(NoWaitingRoomException))
            .Resolve((input, ctx) => ctx.Service<LeaveWaitingRoom>().ExecuteAsync(ctx.UserId(), input.EventId, ctx.CancellationToken));
    }
}
