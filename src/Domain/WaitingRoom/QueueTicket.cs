namespace TicketMaster.WaitingRoom;

/// <summary>Where a queue place is in its life.</summary>
public enum QueueStatus
{
    Waiting,
    Admitted,
    Expired,
    Left,
}

/// <summary>
/// One account's place in one event's queue, as the queue sees it now. <see cref="Position"/> is
/// null until the opening draw has placed it; <see cref="Pass"/> is set while ADMITTED.
/// </summary>
public sealed record QueueTicket(
    Guid Id,
    int EventId,
    int UserId,
    QueueStatus Status,
    int? Position,
    TimeSpan? EstimatedWait,
    string? Pass,
    DateTime? PassExpiresAt,
    DateTime AdmitsFrom)
{
    /// <summary>Shoppers ahead of this place; one less than the position.</summary>
    public int? AheadOfYou => Position - 1;
}

/// <summary>What the booking path learns about a pass.</summary>
public enum PassCheck
{
    /// <summary>The event has no room turned on: book as usual.</summary>
    NoRoom,
    Valid,
    Missing,
    Expired,
}
