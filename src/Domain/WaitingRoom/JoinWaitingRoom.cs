namespace TicketMaster.WaitingRoom;

/// <summary>Takes a place in an event's queue; joining again returns the same running place.</summary>
public sealed class JoinWaitingRoom(IWaitingRoomQueue queue, TimeProvider clock)
{
    public async Task<QueueTicket> ExecuteAsync(int userId, int eventId, CancellationToken cancellationToken)
    {
        var settings = await queue.SettingsAsync(eventId, cancellationToken) ?? throw new NoWaitingRoomException(eventId);
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < settings.OpensAt)
        {
            throw new WaitingRoomNotOpenException(eventId, settings.OpensAt);
        }

        return await queue.JoinAsync(eventId, userId, now, cancellationToken);
    }
}

/// <summary>Gives up an account's place; an admitted shopper's pass stops working and the next shopper moves up.</summary>
public sealed class LeaveWaitingRoom(IWaitingRoomQueue queue, TimeProvider clock)
{
    public async Task<QueueTicket> ExecuteAsync(int userId, int eventId, CancellationToken cancellationToken)
    {
        _ = await queue.SettingsAsync(eventId, cancellationToken) ?? throw new NoWaitingRoomException(eventId);
        return await queue.LeaveAsync(eventId, userId, clock.GetUtcNow().UtcDateTime, cancellationToken)
            ?? throw new NoWaitingRoomException(eventId);
    }
}
