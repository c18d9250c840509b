using GraphQL;
using GraphQL.Types;
using TicketMaster.Api.Live;
using TicketMaster.Api.Users;
using TicketMaster.GraphQL.Relay;
using TicketMaster.WaitingRoom;

namespace TicketMaster.Api.WaitingRoom;

public static class WaitingRoomSubscriptions
{
    public static void AddWaitingRoomSubscriptions(this ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<QueueTicketType>>("onQueuePositionChanged")
            .Description("Your place in a waiting room as it moves: first where it is now, then a message when it moves (at most once a second, and at least every five seconds while WAITING), " +
                         "and last one with the new status (ADMITTED with `admissionPass`, or EXPIRED or LEFT), after which the stream ends. Needs the access token, like `onMyReservationChanged`.")
            .Authorize()
            .Argument<NonNullGraphType<IdGraphType>>("ticketId", "Your `QueueTicket.id` from `joinWaitingRoom`; someone else's or an unknown one is a `QUEUE_TICKET_NOT_FOUND` error.",
                argument => argument.ParseValue(value => GlobalId.DecodeGuid(value as string, QueueTicketType.TypeName)))
            .ResolveStreamAsync(async ctx =>
            {
                var services = ctx.RequestServices!;
                var queue = services.GetRequiredService<IWaitingRoomQueue>();
                var clock = services.GetRequiredService<TimeProvider>();
                var options = services.GetRequiredService<WaitingRoomOptions>();
                var ticketId = ctx.GetArgument<Guid>("ticketId");
                var first = await queue.FindAsync(ticketId, clock.GetUtcNow().UtcDateTime, ctx.CancellationToken);
                if (first is null || first.UserId != ctx.UserId())
                {
                    throw new ExecutionError("There is no such queue ticket.") { Code = "QUEUE_TICKET_NOT_FOUND" };
                }

                return (IObservable<object?>)new LiveStream([first], [], (emit, token) => FollowAsync(queue, clock, options, first, emit, token));
            });
    }

    /// <summary>
    /// Reads the place every <see cref="WaitingRoomOptions.PositionUpdateInterval"/> from the shared
    /// queue (so it works whichever instance admits), sends it when it moved or the heartbeat is due,
    /// and ends once the place is no longer waiting.
    /// </summary>
    private static async Task FollowAsync(IWaitingRoomQueue queue, TimeProvider clock, WaitingRoomOptions options, QueueTicket last, Action<object> emit, CancellationToken cancellationToken)
    {
        var sentAt = clock.GetUtcNow();
        while (last.Status == QueueStatus.Waiting)
        {
            await Task.Delay(options.PositionUpdateInterval, clock, cancellationToken);
            var now = clock.GetUtcNow();
            var current = await queue.FindAsync(last.Id, now.UtcDateTime, cancellationToken) ?? last with { Status = QueueStatus.Left, Position = null, EstimatedWait = null };
            if (current.Status != last.Status || current.Position != last.Position || now - sentAt >= options.PositionHeartbeat)
            {
                emit(current);
                sentAt = now;
            }

            last = current;
        }
    }
}
