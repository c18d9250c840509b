using System.Globalization;
using TicketMaster.Common;
using TicketMaster.Outbox;

namespace TicketMaster.Booking;

/// <summary>One seat changed status for a hold: held, sold or freed (recorded by <see cref="EventSeat"/>).</summary>
public sealed record SeatStatusChanged(int EventId, int SeatId, int SectionId, SeatStatus Status, Guid HoldId) : IDomainEvent
{
    string IDomainEvent.Type => OutboxMessageTypes.SeatsChanged;

    string IDomainEvent.AggregateId => EventId.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// A hold was placed, confirmed, released or expired, so its seats now show <paramref name="Seats"/>
/// (recorded by <see cref="Booking.Hold"/>). Each booking step changes one hold, so it records one of
/// these: that is what makes a step write exactly one <see cref="SeatsChanged"/> row, even when
/// none of its seats changed (an expired hold whose seats were taken by someone since).
/// </summary>
/// <param name="Hold">The hold itself: the after-commit publish reads its status and expiry as committed.</param>
public sealed record HoldChanged(Hold Hold, SeatStatus Seats) : IDomainEvent
{
    string IDomainEvent.Type => OutboxMessageTypes.SeatsChanged;

    string IDomainEvent.AggregateId => Hold.EventId.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A hold's seat changes as one <see cref="SeatsChanged"/> outbox payload, with what the after-commit publish needs.</summary>
/// <param name="Hold">Null for seats changed without their hold (tests and tools editing seats directly).</param>
/// <param name="SectionIds">The changed seats' sections, for counting only those again.</param>
internal sealed record HoldSeatsChange(SeatsChanged Change, Hold? Hold, IReadOnlyList<int> SectionIds)
{
    /// <summary>
    /// One change per hold change, with the seats that changed to the same status under that hold;
    /// then one per (event, hold, status) for seat changes no hold change claimed.
    /// </summary>
    public static List<HoldSeatsChange> Combine(IReadOnlyCollection<IDomainEvent> events)
    {
        var seats = events.OfType<SeatStatusChanged>().ToList();
        var combined = new List<HoldSeatsChange>();
        foreach (var changed in events.OfType<HoldChanged>())
        {
            var mine = seats.Where(s => s.HoldId == changed.Hold.Id && s.EventId == changed.Hold.EventId && s.Status == changed.Seats).ToList();
            seats.RemoveAll(mine.Contains);
            combined.Add(Of(changed.Hold.EventId, changed.Hold.Id, changed.Seats, mine, changed.Hold));
        }

        combined.AddRange(seats.GroupBy(s => (s.EventId, s.HoldId, s.Status)).Select(group => Of(group.Key.EventId, group.Key.HoldId, group.Key.Status, [.. group], null)));
        return combined;
    }

    private static HoldSeatsChange Of(int eventId, Guid holdId, SeatStatus status, List<SeatStatusChanged> seats, Hold? hold)
    {
        var ordered = seats.OrderBy(s => s.SeatId).ToList();
        return new HoldSeatsChange(
            new SeatsChanged(eventId, ordered.Select(s => s.SeatId).ToList(), status, holdId), hold, ordered.Select(s => s.SectionId).Distinct().ToList());
    }
}
