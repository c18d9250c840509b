using TicketMaster.Common;
using TicketMaster.Booking;

namespace TicketMaster.Live;

/// <summary>Seat counts of an event; a hold past its expiry counts as available.</summary>
public sealed record SeatCounts(int Total, int Available, int Held, int Sold)
{
    public static readonly SeatCounts None = new(0, 0, 0, 0);

    public static SeatCounts Of(IEnumerable<(SeatStatus Status, int Count)> counts)
    {
        var list = counts.ToList();
        int Sum(SeatStatus status) => list.Where(c => c.Status == status).Sum(c => c.Count);
        return new SeatCounts(list.Sum(c => c.Count), Sum(SeatStatus.Available), Sum(SeatStatus.Held), Sum(SeatStatus.Sold));
    }

    public static SeatCounts operator +(SeatCounts a, SeatCounts b) =>
        new(a.Total + b.Total, a.Available + b.Available, a.Held + b.Held, a.Sold + b.Sold);
}

/// <summary>
/// One change of an event's seats as subscribers receive it. <paramref name="Version"/> is assigned
/// by <see cref="IAvailabilityBus.PublishAsync(SeatAvailabilityMessage, CancellationToken)"/>: it is
/// one more than the event's previous message, so a subscriber that sees a gap knows it missed some.
/// </summary>
/// <param name="ChangeId">The outbox row that recorded the change; null for a snapshot taken on subscribing.</param>
/// <param name="Seats">The seats that changed and their new status; empty for a snapshot.</param>
/// <param name="Counts">The event's counts at or after this change (counted after commit, coalesced).</param>
public sealed record SeatAvailabilityMessage(int EventId, long Version, long? ChangeId, IReadOnlyList<int> Seats, SeatStatus Status, SeatCounts Counts);

/// <summary>
/// A hold's state after a committed change (reserved, released, expired by the sweep, confirmed), on
/// its owner's channel. Carries the hold's own fields so receivers need no lookup.
/// </summary>
/// <param name="Refunded">
/// Set when the payment for the hold was given back (its charge arrived after the hold was gone, or
/// the processor refunded it): how much. Such a change follows the hold's end and only says so.
/// </param>
public sealed record HoldChange(Guid HoldId, int UserId, int EventId, HoldStatus Status, DateTime ExpiresAt, long ChangeId, Money? Refunded = null);
