using TicketMaster.Booking;

namespace TicketMaster.Domain.Tests.Booking;

/// <summary>
/// One step of a generated booking sequence. Buyers and seats are indexes (into the scenario's
/// buyers and seats), holds are picked relative to the newest one, so a step means the same thing
/// however a shrunk sequence around it looks.
/// </summary>
public abstract record BookingStep
{
    /// <summary>The buyer reserves these seats (indexes, possibly more than the limit).</summary>
    public sealed record Reserve(int Buyer, int[] Seats) : BookingStep
    {
        public override string ToString() => $"reserve(buyer {Buyer}, seats [{string.Join(", ", Seats)}])";
    }

    /// <summary>Confirms a hold (0 = newest) as its owner (offset 0) or another buyer.</summary>
    public sealed record Confirm(int HoldPick, int ActorOffset, bool Declined) : BookingStep
    {
        public override string ToString() =>
            $"confirm(hold pick {HoldPick}, {Actor(ActorOffset)}, {(Declined ? "tok_chargeDeclined" : "tok_visa")})";
    }

    public sealed record Release(int HoldPick, int ActorOffset) : BookingStep
    {
        public override string ToString() => $"release(hold pick {HoldPick}, {Actor(ActorOffset)})";
    }

    public sealed record Expire : BookingStep
    {
        public override string ToString() => "expire-job";
    }

    public sealed record Advance(int Minutes) : BookingStep
    {
        public override string ToString() => $"advance {Minutes} min";
    }

    private static string Actor(int offset) => offset == 0 ? "by owner" : $"by owner+{offset}";
}

/// <summary>
/// The booking rules with nothing but lists: seats Available, Held(hold, expiry) or Sold; holds
/// Active, Confirmed, Released or Expired. Each operation returns the outcome the real use case
/// must have: "ok…" or the error code it throws. Seats and holds are stored as the tables would
/// store them (a lapsed hold stays Held until the expiry job or a new reservation), and
/// <see cref="Describe"/> also says what a buyer sees.
/// </summary>
public sealed class BookingModel(int buyers, int seats, BookingOptions options, DateTime start)
{
    public sealed record Seat(SeatStatus Status, int? Hold);

    public sealed class ModelHold(int owner, int[] seats, DateTime expiresAt)
    {
        public int Owner { get; } = owner;

        public int[] Seats { get; } = seats;

        public DateTime ExpiresAt { get; } = expiresAt;

        public HoldStatus Status { get; set; } = HoldStatus.Active;

        public bool HasLapsedAt(DateTime now) => now >= ExpiresAt;
    }

    private readonly Seat[] _seats = Enumerable.Repeat(new Seat(SeatStatus.Available, null), seats).ToArray();
    private readonly List<ModelHold> _holds = [];
    private int _declinedPayments;

    public DateTime Start { get; } = start;

    public DateTime Now { get; private set; } = start;

    public TimeSpan Elapsed => Now - Start;

    public IReadOnlyList<ModelHold> Holds => _holds;

    /// <summary>The hold a step picks (0 = newest), or null when there is none yet.</summary>
    public int? PickHold(int pick) => _holds.Count == 0 ? null : _holds.Count - 1 - (pick % _holds.Count);

    /// <summary>The buyer acting on a picked hold: its owner shifted by the offset.</summary>
    public int Actor(int? hold, int offset) => ((hold is { } h ? _holds[h].Owner : 0) + offset) % buyers;

    public void Advance(TimeSpan by) => Now += by;

    /// <summary>Whether one of these seats is still stored as held by a hold that has lapsed.</summary>
    public bool HasLapsedHoldOn(IEnumerable<int> seatIndexes) =>
        seatIndexes.Any(seat => _seats[seat].Status == SeatStatus.Held && _holds[_seats[seat].Hold!.Value].HasLapsedAt(Now));

    public string Reserve(int buyer, IReadOnlyCollection<int> seatIndexes)
    {
        var wanted = seatIndexes.Distinct().Order().ToArray();
        if (wanted.Length > options.MaxSeatsPerReservation)
        {
            return nameof(TooManySeatsException);
        }

        // Only holds that are still running count against the limit; a lapsed one is already gone.
        if (_holds.Count(h => h.Owner == buyer && h.Status == HoldStatus.Active && !h.HasLapsedAt(Now)) >= options.MaxActiveHoldsPerEvent)
        {
            return nameof(TooManyReservationsException);
        }

        var taken = wanted.Where(seat => !IsAvailable(_seats[seat])).ToArray();
        if (taken.Length > 0)
        {
            return $"{nameof(SeatsUnavailableException)} [{string.Join(", ", taken)}]";
        }

        _holds.Add(new ModelHold(buyer, wanted, Now + options.HoldDuration));
        foreach (var seat in wanted)
        {
            _seats[seat] = new Seat(SeatStatus.Held, _holds.Count - 1);
        }

        return "ok";
    }

    public string Confirm(int buyer, int? holdIndex, bool declined)
    {
        if (holdIndex is not { } index)
        {
            return nameof(ReservationNotFoundException);
        }

        var hold = _holds[index];
        if (hold.Owner != buyer)
        {
            return nameof(NotYourReservationException);
        }

        switch (hold.Status)
        {
            case HoldStatus.Confirmed:
                return nameof(ReservationAlreadyConfirmedException);
            case HoldStatus.Released:
                return nameof(ReservationNotActiveException);
            case HoldStatus.Expired:
                return nameof(ReservationExpiredException);
        }

        if (hold.HasLapsedAt(Now))
        {
            return nameof(ReservationExpiredException);
        }

        if (declined)
        {
            // The attempt is recorded; the hold is left exactly as it was, to be paid another way.
            _declinedPayments++;
            return nameof(PaymentDeclinedException);
        }

        hold.Status = HoldStatus.Confirmed;
        foreach (var seat in hold.Seats)
        {
            _seats[seat] = new Seat(SeatStatus.Sold, index);
        }

        return "ok";
    }

    public string Release(int buyer, int? holdIndex)
    {
        if (holdIndex is not { } index)
        {
            return nameof(ReservationNotFoundException);
        }

        var hold = _holds[index];
        if (hold.Owner != buyer)
        {
            return nameof(NotYourReservationException);
        }

        // A hold past its expiry is expired whether or not the expiry job has run yet: releasing
        // it is refused the same way before and after the job, and it ends Expired, not Released.
        if (hold.Status != HoldStatus.Active || hold.HasLapsedAt(Now))
        {
            return nameof(ReservationNotActiveException);
        }

        hold.Status = HoldStatus.Released;
        FreeSeatsStillHeldBy(index);
        return "ok";
    }

    public string Expire()
    {
        var lapsed = _holds.Select((hold, index) => (hold, index))
            .Where(h => h.hold.Status == HoldStatus.Active && h.hold.HasLapsedAt(Now)).ToList();
        foreach (var (hold, index) in lapsed)
        {
            hold.Status = HoldStatus.Expired;
            FreeSeatsStillHeldBy(index);
        }

        return $"ok, {lapsed.Count} expired";
    }

    /// <summary>
    /// The whole state, one line per seat and hold plus the totals, in the same words as
    /// <see cref="BookingModelTests"/> describes the database, so two descriptions compare line by line.
    /// </summary>
    public List<string> Describe()
    {
        var lines = _seats.Select((seat, index) => DescribeSeat(index, seat.Status, VisibleStatus(seat), seat.Hold)).ToList();
        lines.AddRange(_holds.Select((hold, index) => DescribeHold(index, hold.Owner, hold.Status)));
        var confirmed = _holds.Where(h => h.Status == HoldStatus.Confirmed).ToList();
        lines.Add(DescribeTotals(confirmed.Sum(h => h.Seats.Length), confirmed.Count, _declinedPayments, others: 0));
        return lines;
    }

    public static string DescribeSeat(int seat, SeatStatus stored, SeatStatus visible, int? hold) => stored switch
    {
        SeatStatus.Available => $"seat {seat}: {visible}, stored {stored}{(hold is null ? "" : $" but still names hold #{hold}")}",
        SeatStatus.Held => $"seat {seat}: {visible}, stored {stored} by hold #{hold?.ToString() ?? "?"}",
        _ => $"seat {seat}: {visible}, stored {stored} to the order of hold #{hold?.ToString() ?? "?"}",
    };

    public static string DescribeHold(int hold, int owner, HoldStatus status) => $"hold #{hold} of buyer {owner}: {status}";

    public static string DescribeTotals(int validTickets, int succeededPayments, int declinedPayments, int others) =>
        $"valid tickets {validTickets}, payments succeeded {succeededPayments}, declined {declinedPayments}, other {others}";

    private bool IsAvailable(Seat seat) => VisibleStatus(seat) == SeatStatus.Available;

    /// <summary>What a buyer sees: a seat of a lapsed hold is free, cleaned up or not.</summary>
    private SeatStatus VisibleStatus(Seat seat) =>
        seat.Status == SeatStatus.Held && _holds[seat.Hold!.Value].HasLapsedAt(Now) ? SeatStatus.Available : seat.Status;

    /// <summary>Frees the hold's seats that no later hold has taken over since it lapsed.</summary>
    private void FreeSeatsStillHeldBy(int hold)
    {
        foreach (var seat in _holds[hold].Seats.Where(seat => _seats[seat] == new Seat(SeatStatus.Held, hold)))
        {
            _seats[seat] = new Seat(SeatStatus.Available, null);
        }
    }
}
