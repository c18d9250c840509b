namespace TicketMaster.WaitingRoom;

/// <summary>
/// The queues of every event with a room on: in memory for one instance, in Redis for several
/// (ADR 0021). Every call first lets the queue catch up with the clock (the opening draw,
/// admissions due, passes run out), so no background job is needed for correctness.
/// </summary>
public interface IWaitingRoomQueue
{
    /// <summary>Installs or replaces a room's settings; turning it off drops its queue.</summary>
    Task ConfigureAsync(WaitingRoomSettings settings, CancellationToken cancellationToken);

    /// <summary>The room's settings, or null when it is off.</summary>
    Task<WaitingRoomSettings?> SettingsAsync(int eventId, CancellationToken cancellationToken);

    /// <summary>The account's running place (WAITING or ADMITTED), or a new one at the back.</summary>
    Task<QueueTicket> JoinAsync(int eventId, int userId, DateTime now, CancellationToken cancellationToken);

    /// <summary>The account's latest place in the event's queue, or null.</summary>
    Task<QueueTicket?> FindAsync(int eventId, int userId, DateTime now, CancellationToken cancellationToken);

    /// <summary>A place by its id, or null.</summary>
    Task<QueueTicket?> FindAsync(Guid ticketId, DateTime now, CancellationToken cancellationToken);

    /// <summary>Gives the place up; an admitted place frees room for the next shopper.</summary>
    Task<QueueTicket?> LeaveAsync(int eventId, int userId, DateTime now, CancellationToken cancellationToken);

    /// <summary>Whether this pass lets this account book this event now.</summary>
    Task<PassCheck> CheckPassAsync(int eventId, int userId, string? pass, DateTime now, CancellationToken cancellationToken);
}
