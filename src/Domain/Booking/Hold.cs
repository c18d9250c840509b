using System.Linq.Expressions;
using TicketMaster.Common;

namespace TicketMaster.Booking;

/// <summary>
/// A reservation: seats kept for one buyer until it is confirmed, released or expires. Each of those
/// steps records a <see cref="HoldChanged"/>, which becomes the step's one SeatsChanged outbox row.
/// </summary>
public sealed class Hold : Entity
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The rule "a running hold", written once: active and not yet at its expiry (a hold expiring
    /// exactly now has run out, as <see cref="EventSeat.IsAvailable"/> frees its seats). EF queries
    /// use it through <see cref="Rules"/> (<c>Hold.IsActive.At(now)</c>), in-memory code through
    /// <see cref="IsActiveAt"/>.
    /// </summary>
    public static readonly Expression<Func<Hold, DateTime, bool>> IsActive =
        (hold, now) => hold.Status == HoldStatus.Active && hold.ExpiresAt > now;

    /// <summary>
    /// Still marked active but past its expiry: what the sweep expires. At any instant an active
    /// hold is either running or lapsed (tested), so the two must change together.
    /// </summary>
    public static readonly Expression<Func<Hold, DateTime, bool>> HasLapsed =
        (hold, now) => hold.Status == HoldStatus.Active && hold.ExpiresAt <= now;

    private static readonly Func<Hold, DateTime, bool> IsActiveCompiled = IsActive.Compile();
    private static readonly Func<Hold, DateTime, bool> HasLapsedCompiled = HasLapsed.Compile();

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

    public static Hold Place(int userId, int eventId, IReadOnlyCollection<int> seatIds, Money total, DateTime now, TimeSpan duration, IReadOnlyDictionary<int, decimal>? prices = null)
    {
        if (seatIds.Count == 0)
        {
            throw new NoSeatsException();
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
        hold._seats.AddRange(seatIds.Distinct().Order().Select(seatId => new HoldSeat(hold.Id, eventId, seatId, prices is not null && prices.TryGetValue(seatId, out var price) ? price : null)));
        hold.Record(() => new HoldChanged(hold, SeatStatus.Held));
        return hold;
    }

    /// <summary>See <see cref="IsActive"/>.</summary>
    public bool IsActiveAt(DateTime now) => IsActiveCompiled(this, now);

    /// <summary>See <see cref="HasLapsed"/>.</summary>
    public bool HasLapsedAt(DateTime now) => HasLapsedCompiled(this, now);

    /// <summary>Checks everything that must hold before the buyer is charged.</summary>
    public void EnsureConfirmableBy(int userId, DateTime now)
    {
        if (UserId != userId)
        {
            throw new NotYourReservationException(Id);
        }

        switch (Status)
        {
            case HoldStatus.Confirmed:
                throw new ReservationAlreadyConfirmedException(Id);
            case HoldStatus.Expired:
                throw new ReservationExpiredException(Id);
            case HoldStatus.Released:
                throw new ReservationNotActiveException(Id, Status);
        }

        // Active, so only its expiry can stop it running.
        if (!IsActiveAt(now))
        {
            throw new ReservationExpiredException(Id);
        }
    }

    public void Confirm(int userId, DateTime now)
    {
        EnsureConfirmableBy(userId, now);
        ConfirmPaid();
    }

    /// <summary>
    /// Confirms the hold a succeeded payment paid for. Called under the seats' locks once they are seen
    /// still held for it, which proves it stands even if its expiry passed while the processor answered
    /// (the buyer was charged while it ran); a hold that ended cannot be confirmed.
    /// </summary>
    public void ConfirmPaid()
    {
        if (Status != HoldStatus.Active)
        {
            throw new ReservationNotActiveException(Id, Status);
        }

        Status = HoldStatus.Confirmed;
        Record(() => new HoldChanged(this, SeatStatus.Sold));
    }

    /// <summary>
    /// Keeps the seats while the buyer authenticates a payment (3-D Secure): to <paramref name="until"/>,
    /// never shortening it and never past <paramref name="limit"/>. The caller moves the seats' copy of the
    /// expiry in the same transaction. Returns whether anything changed.
    /// </summary>
    public bool ExtendForPayment(DateTime until, DateTime limit)
    {
        var extended = until < limit ? until : limit;
        if (Status != HoldStatus.Active || extended <= ExpiresAt)
        {
            return false;
        }

        ExpiresAt = extended;
        Record(() => new HoldChanged(this, SeatStatus.Held));
        return true;
    }

    public void Release(int userId, DateTime now)
    {
        if (UserId != userId)
        {
            throw new NotYourReservationException(Id);
        }

        if (Status != HoldStatus.Active)
        {
            throw new ReservationNotActiveException(Id, Status);
        }

        // Past its expiry the hold is over even if the expiry job has not marked it yet: refuse
        // as the job's Expired status would, so the answer never depends on the job's timing (and
        // a buyer is not told "released" for seats that may already be someone else's).
        if (!IsActiveAt(now))
        {
            throw new ReservationNotActiveException(Id, HoldStatus.Expired);
        }

        Status = HoldStatus.Released;
        Record(() => new HoldChanged(this, SeatStatus.Available));
    }

    /// <summary>
    /// Some of the confirmed hold's seats went back on sale (their tickets were refunded): recorded so the
    /// change is one SeatsChanged row, published live to the seat map and to the buyer's reservation feed.
    /// </summary>
    public void ReturnSeatsToSale()
    {
        if (Status != HoldStatus.Confirmed)
        {
            throw new ReservationNotActiveException(Id, Status);
        }

        Record(() => new HoldChanged(this, SeatStatus.Available));
    }

    /// <summary>Marks an active hold past its expiry as expired; returns false when there is nothing to do.</summary>
    public bool Expire(DateTime now)
    {
        if (!HasLapsedAt(now))
        {
            return false;
        }

        Status = HoldStatus.Expired;
        Record(() => new HoldChanged(this, SeatStatus.Available));
        return true;
    }
}
