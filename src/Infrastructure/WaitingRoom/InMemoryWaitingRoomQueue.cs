using System.Collections.Concurrent;

namespace TicketMaster.WaitingRoom;

/// <summary>
/// The single-instance queue (the embedded default): every room in this process's memory, each
/// behind its own lock. A restart loses the places, not the settings (they are reloaded).
/// </summary>
public sealed class InMemoryWaitingRoomQueue(WaitingRoomOptions options) : IWaitingRoomQueue
{
    private readonly ConcurrentDictionary<int, RoomQueue> _rooms = new();
    private readonly ConcurrentDictionary<Guid, int> _eventOfTicket = new();

    public Task ConfigureAsync(WaitingRoomSettings settings, CancellationToken cancellationToken)
    {
        if (!settings.IsOn)
        {
            _rooms.TryRemove(settings.EventId, out _);
            return Task.CompletedTask;
        }

        var room = _rooms.GetOrAdd(settings.EventId, _ => new RoomQueue(settings, options, RandomFor(settings.EventId)));
        lock (room)
        {
            room.Settings = settings;
        }

        return Task.CompletedTask;
    }

    public Task<WaitingRoomSettings?> SettingsAsync(int eventId, CancellationToken cancellationToken) =>
        Task.FromResult(_rooms.TryGetValue(eventId, out var room) ? room.Settings : null);

    public Task<QueueTicket> JoinAsync(int eventId, int userId, DateTime now, CancellationToken cancellationToken) =>
        Task.FromResult(Remember(In(eventId, room => room.Join(userId, now)) ?? throw new NoWaitingRoomException(eventId)));

    public Task<QueueTicket?> FindAsync(int eventId, int userId, DateTime now, CancellationToken cancellationToken) =>
        Task.FromResult(In(eventId, room => room.Find(userId, now)));

    public Task<QueueTicket?> FindAsync(Guid ticketId, DateTime now, CancellationToken cancellationToken) =>
        Task.FromResult(_eventOfTicket.TryGetValue(ticketId, out var eventId) ? In(eventId, room => room.Find(ticketId, now)) : null);

    public Task<QueueTicket?> LeaveAsync(int eventId, int userId, DateTime now, CancellationToken cancellationToken) =>
        Task.FromResult(In(eventId, room => room.Leave(userId, now)));

    public Task<PassCheck> CheckPassAsync(int eventId, int userId, string? pass, DateTime now, CancellationToken cancellationToken) =>
        Task.FromResult(_rooms.TryGetValue(eventId, out var room) ? Locked(room, r => r.Check(userId, pass, now)) : PassCheck.NoRoom);

    /// <summary>A seeded Random is not thread-safe and rooms draw under their own locks, so each room gets its own stream.</summary>
    private Random RandomFor(int eventId) => options.ShuffleSeed is { } seed ? new Random(unchecked((seed * 397) ^ eventId)) : Random.Shared;

    private QueueTicket Remember(QueueTicket ticket)
    {
        _eventOfTicket[ticket.Id] = ticket.EventId;
        return ticket;
    }

    private QueueTicket? In(int eventId, Func<RoomQueue, QueueTicket?> act) =>
        _rooms.TryGetValue(eventId, out var room) ? Locked(room, act) : null;

    private static T Locked<T>(RoomQueue room, Func<RoomQueue, T> act)
    {
        lock (room)
        {
            return act(room);
        }
    }
}
