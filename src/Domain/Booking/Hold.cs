using TicketMaster.Common;

namespace TicketMaster.Booking;

/// <summary>
/// A reservation: seats kept for one buyer until it is confirmed, released or expires. Each of those
/// steps records a <see cref="HoldChanged"/>, which becomes the step's one SeatsChanged outbox row.
/// </summary>
public sealed class Hold : Entity
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromMinutes(10);

    private readonly List<HoldSeat> _seats = [];

    private Hold()
    {
    }

    public Guid Id { get; private set; }

    public int UserId { get; private set; }

    public int EventId { get; private set; }

    public HoldStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    /// <summary>
    /// What confirming charges: the seats' prices when they were held. The price is fixed with the
    /// hold (as box offices do), so confirming needs no second look at the price list.
    /// </summary>
    public Money Total { get; private set; }

    public IReadOnlyList<HoldSeat> Seats => _seats;

    public static Hold Place(int userId, int eventId, IReadOnlyCollection<int> seatIds, Money total, DateTime now, TimeSpan duration)
    {
        if (seatIds.Count == 0)
        {
            throw new EmptyHoldException();
        }

        var hold = new Hold
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            EventId = eventId,
            Status = HoldStatus.Active,
            CreatedAt = now,
            ExpiresAt = now + duration,
            Total = total,
        };
        hold._seats.AddRange(seatIds.Distinct().Order().Select(seatId => new HoldSeat(hold.Id, eventId, seatId)));
        hold.Record(() => new HoldChanged(hold, SeatStatus.Held));
        return hold;
    }

    public bool IsActiveAt(DateTime now) => Status == HoldStatus.Active && now < ExpiresAt;

    /// <summary>Checks everything that must hold before the buyer is charged.</summary>
    public void EnsureConfirmableBy(int userId, DateTime now)
    {
        if (UserId != userId)
        {
            throw new HoldNotOwnedException(Id);
        }

        switch (Status)
        {
            case HoldStatus.Confirmed:
                throw new HoldAlreadyConfirmedException(Id);
            case HoldStatus.Expired:
                throw new HoldExpiredException(Id);
            case HoldStatus.Released:
                throw new HoldNotActiveException(Id, Status);
        }

        if (now >= ExpiresAt)
        {
            throw new HoldExpiredException(Id);
        }
    }

    public void Confirm(int userId, DateTime now)
    {
        EnsureConfirmableBy(userId, now);
        Status = HoldStatus.Confirmed;
        Record(() => new HoldChanged(this, SeatStatus.Sold));
    }

    public void Release(int userId, DateTime now)
    {
        if (UserId != userId)
        {
            throw new HoldNotOwnedException(Id);
        }

        if (Status != HoldStatus.Active)
        {
            throw new HoldNotActiveException(Id, Status);
        }

        // Past its expiry the hold is over even if the expiry job has not marked it yet: refuse
        // as the job's Expired status would, so the answer never depends on the job's timing (and
        // a buyer is not told "released" for seats that may already be someone else's).
        if (now >= ExpiresAt)
        {
            throw new HoldNotActiveException(Id, HoldStatus.Expired);
        }

        Status = HoldStatus.Released;
        Record(() => new HoldChanged(this, SeatStatus.Available));
    }

    /// <summary>Marks an active hold past its expiry as expired; returns false when there is nothing to do.</summary>
    public bool Expire(DateTime now)
    {
        if (Status != HoldStatus.Active || now < ExpiresAt)
        {
            return false;
        }

        Status = HoldStatus.Expired;
        Record(() => new HoldChanged(this, SeatStatus.Available));
        return true;
    }
}
