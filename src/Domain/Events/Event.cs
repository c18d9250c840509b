using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Outbox;
using TicketMaster.Performers;
using TicketMaster.Venues;

namespace TicketMaster.Events;

/// <summary>
/// A dated show at a venue. Owns its price tiers, line-up and status transitions, and records each
/// change search and notifications must see (its outbox row is written with the change).
/// </summary>
public sealed class Event : Entity
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;

    private readonly List<EventSectionPrice> _prices = [];
    private readonly List<EventPerformer> _lineup = [];
    private readonly List<Performer> _performers = [];

    private Event()
    {
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Description { get; private set; } = "";

    public EventCategory Category { get; private set; }

    public DateTime StartsAt { get; private set; }

    /// <summary>
    /// <see cref="StartsAt"/> on the venue's wall clock (no offset), so "events on 1 March" means 1 March
    /// where the show is (ADR 0014). Set with the start (scheduling, rescheduling); null only on rows written before it existed,
    /// until the startup backfill fills them.
    /// </summary>
    public DateTime? StartsAtLocal { get; private set; }

    public int VenueId { get; private set; }

    public Venue? Venue { get; private set; }

    public int OrganizerId { get; private set; }

    public EventStatus Status { get; private set; }

    /// <summary>ISO 4217 currency every price of this event is in.</summary>
    public string Currency { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    /// <summary>When the show ends (UTC), when given.</summary>
    public DateTime? EndsAt { get; private set; }

    /// <summary>When doors open (UTC), when given.</summary>
    public DateTime? DoorsAt { get; private set; }

    /// <summary>When sales open (UTC); null: as soon as it is published.</summary>
    public DateTime? OnSaleAt { get; private set; }

    /// <summary>Most tickets one order may hold; null: no limit beyond the booking's own.</summary>
    public int? MaxTicketsPerOrder { get; private set; }

    /// <summary>Most tickets one account may buy for this event; null: no limit.</summary>
    public int? MaxTicketsPerAccount { get; private set; }

    public const int MaxTicketLimit = 100;

    public IReadOnlyList<EventSectionPrice> Prices => _prices;

    /// <summary>The line-up in billing order (join rows).</summary>
    public IReadOnlyList<EventPerformer> Lineup => _lineup;

    /// <summary>The performers themselves, through <see cref="Lineup"/>.</summary>
    public IReadOnlyList<Performer> Performers => _performers;

    /// <summary>
    /// Creates a draft event. Every section of the venue's seat map must be priced, so the
    /// inventory can be created right away.
    /// </summary>
    public static Event Schedule(
        string name,
        string description,
        EventCategory category,
        DateTime startsAt,
        Venue venue,
        int organizerId,
        string currency,
        IReadOnlyDictionary<int, decimal> sectionPrices,
        IReadOnlyList<int> performerIds,
        DateTime now)
    {
        if (Guard.Utc(startsAt, nameof(startsAt)) <= Guard.Utc(now, nameof(now)))
        {
            throw new EventInThePastException(startsAt);
        }

        if (!Enum.IsDefined(category))
        {
            throw new InvalidFieldException(nameof(category), "is not a known category");
        }

        var created = new Event
        {
            Name = Guard.NotBlank(name, nameof(name), MaxNameLength),
            Description = description.Trim() is { Length: <= MaxDescriptionLength } trimmed
                ? trimmed
                : throw new InvalidFieldException(nameof(description), $"must be at most {MaxDescriptionLength} characters"),
            Category = category,
            StartsAt = startsAt,
            StartsAtLocal = venue.WallClock(startsAt),
            VenueId = venue.Id,
            Venue = venue,
            OrganizerId = organizerId,
            Status = EventStatus.Draft,
            Currency = Money.Zero(currency).Currency,
            CreatedAt = now,
        };

        var missing = venue.CurrentSections.Where(section => !sectionPrices.ContainsKey(section.Id)).Select(section => section.Name).ToList();
        if (missing.Count > 0)
        {
            throw new MissingSectionPriceException(missing);
        }

        var sectionIds = venue.CurrentSections.Select(section => section.Id).ToHashSet();
        foreach (var (sectionId, price) in sectionPrices.OrderBy(pair => pair.Key))
        {
            if (!sectionIds.Contains(sectionId))
            {
                throw new InvalidFieldException(nameof(sectionPrices), "names a section that is not in the event's venue");
            }

            created._prices.Add(new EventSectionPrice(created, sectionId, ValidPrice(price)));
        }

        if (performerIds.Distinct().Count() != performerIds.Count)
        {
            throw new InvalidFieldException(nameof(performerIds), "must not repeat a performer");
        }

        for (var billing = 0; billing < performerIds.Count; billing++)
        {
            created._lineup.Add(new EventPerformer(0, performerIds[billing], billing + 1));
        }

        created.Record(() => new EventScheduled(created.Id, created.VenueId, created.Name, created.StartsAt));
        return created;
    }

    /// <summary>Times, sales opening and ticket limits; only while a draft (times later through <see cref="Reschedule"/>).</summary>
    public void Arrange(DateTime? endsAt, DateTime? doorsAt, DateTime? onSaleAt, int? maxTicketsPerOrder, int? maxTicketsPerAccount)
    {
        EnsureDraft("onSaleAt");
        CheckTimes(StartsAt, endsAt, doorsAt);
        if (onSaleAt is { } opens && Guard.Utc(opens, nameof(onSaleAt)) >= StartsAt)
        {
            throw new InvalidFieldException(nameof(onSaleAt), "must be before the event starts");
        }

        foreach (var (limit, name) in new[] { (maxTicketsPerOrder, nameof(maxTicketsPerOrder)), (maxTicketsPerAccount, nameof(maxTicketsPerAccount)) })
        {
            if (limit is < 1 or > MaxTicketLimit)
            {
                throw new InvalidFieldException(name, $"must be between 1 and {MaxTicketLimit}");
            }
        }

        if (maxTicketsPerOrder > maxTicketsPerAccount)
        {
            throw new InvalidFieldException(nameof(maxTicketsPerOrder), "must not be more than maxTicketsPerAccount");
        }

        (EndsAt, DoorsAt, OnSaleAt, MaxTicketsPerOrder, MaxTicketsPerAccount) = (endsAt, doorsAt, onSaleAt, maxTicketsPerOrder, maxTicketsPerAccount);
    }

    /// <summary>What a draft is; once published only name, description, line-up, times and prices change.</summary>
    public void ChangeCategory(EventCategory category)
    {
        EnsureDraft(nameof(category));
        Category = Enum.IsDefined(category) ? category : throw new InvalidFieldException(nameof(category), "is not a known category");
        RecordListingChange();
    }

    public void Rename(string name, string description)
    {
        EnsureNotOver();
        Name = Guard.NotBlank(name, nameof(name), MaxNameLength);
        Description = description.Trim() is { Length: <= MaxDescriptionLength } trimmed
            ? trimmed
            : throw new InvalidFieldException(nameof(description), $"must be at most {MaxDescriptionLength} characters");
        RecordListingChange();
    }

    /// <summary>Moves the show; once it was announced (any change of start), buyers and search must hear of it.</summary>
    public void Reschedule(DateTime startsAt, DateTime? endsAt, DateTime? doorsAt, DateTime now)
    {
        EnsureNotOver();
        if (Guard.Utc(startsAt, nameof(startsAt)) <= now)
        {
            throw new EventInThePastException(startsAt);
        }

        CheckTimes(startsAt, endsAt, doorsAt);
        if (OnSaleAt >= startsAt)
        {
            throw new InvalidFieldException(nameof(startsAt), "must be after sales open (onSaleAt)");
        }

        var (from, wasPublished) = (StartsAt, Status != EventStatus.Draft);
        (StartsAt, EndsAt, DoorsAt) = (startsAt, endsAt, doorsAt);
        StartsAtLocal = (Venue ?? throw new InvalidOperationException("Rescheduling needs the event's venue loaded: date filters read the start on its clock."))
            .WallClock(startsAt);
        if (from != startsAt)
        {
            Record(() => new EventRescheduled(Id, from, startsAt, wasPublished));
        }
        else
        {
            RecordListingChange();
        }
    }

    /// <summary>Replaces the line-up, headliner first.</summary>
    public void ChangeLineup(IReadOnlyList<int> performerIds)
    {
        EnsureNotOver();
        if (performerIds.Distinct().Count() != performerIds.Count)
        {
            throw new InvalidFieldException(nameof(performerIds), "must not repeat a performer");
        }

        _lineup.RemoveAll(entry => !performerIds.Contains(entry.PerformerId));
        for (var billing = 0; billing < performerIds.Count; billing++)
        {
            if (_lineup.SingleOrDefault(entry => entry.PerformerId == performerIds[billing]) is { } kept)
            {
                kept.Billing = billing + 1;
            }
            else
            {
                _lineup.Add(new EventPerformer(Id, performerIds[billing], billing + 1));
            }
        }

        RecordListingChange();
    }

    /// <summary>Its venue or a performer on its line-up changed how it is listed (a rename, a move): search must follow.</summary>
    public void ListingChanged() => RecordListingChange();

    /// <summary>Changes a section's price for seats not held or sold (the use case reprices those seats); holds keep theirs.</summary>
    public void ChangeSectionPrice(int sectionId, decimal price)
    {
        EnsureNotOver();

        var tier = _prices.SingleOrDefault(p => p.SectionId == sectionId)
            ?? throw new InvalidFieldException(nameof(sectionId), "is not a section of this event");
        var changed = ValidPrice(price);
        tier.Price = changed;
        Record(() => new EventSectionPriceChanged(Id, sectionId, changed));
    }

    public decimal PriceOf(int sectionId) =>
        _prices.SingleOrDefault(p => p.SectionId == sectionId)?.Price
        ?? throw new InvalidFieldException(nameof(sectionId), "is not a section of this event");

    /// <summary>One inventory row per seat of the venue, every one available at its section's price.</summary>
    public IEnumerable<EventSeat> CreateInventory(Venue venue)
    {
        if (Id == 0 || venue.Id != VenueId)
        {
            throw new InvalidOperationException("Inventory needs a saved event and the event's own venue.");
        }

        return CreateInventory(venue.AllSeats().Select(seat => (seat.Id, seat.SectionId)));
    }

    /// <summary>The same from the seats' keys alone, so a large venue's seats need not be loaded as entities.</summary>
    public IEnumerable<EventSeat> CreateInventory(IEnumerable<(int SeatId, int SectionId)> seats)
    {
        if (Id == 0)
        {
            throw new InvalidOperationException("Inventory needs a saved event.");
        }

        var prices = _prices.ToDictionary(p => p.SectionId, p => p.Price);
        return seats.Select(seat => new EventSeat(Id, seat.SeatId, seat.SectionId, prices[seat.SectionId]));
    }

    public void PutOnSale() => MoveTo(EventStatus.OnSale, EventStatus.Draft);

    /// <summary>
    /// The organizer's publish: a draft is listed at once, but only while it is still to come; it goes on
    /// sale now, or is announced until its <see cref="OnSaleAt"/> (then <see cref="OpenScheduledSales"/> opens it).
    /// </summary>
    public void Publish(DateTime now)
    {
        if (Status == EventStatus.Draft && StartsAt <= now)
        {
            throw new EventInThePastException(StartsAt);
        }

        if (OnSaleAt > now)
        {
            MoveTo(EventStatus.Announced, EventStatus.Draft);
            return;
        }

        PutOnSale();
    }

    /// <summary>An announced event's <see cref="OnSaleAt"/> came: its sales open.</summary>
    public void OpenSales() => MoveTo(EventStatus.OnSale, EventStatus.Announced);

    public void MarkSoldOut() => MoveTo(EventStatus.SoldOut, EventStatus.OnSale);

    /// <summary>Seats came back (a hold expired, a ticket was refunded): sell them again.</summary>
    public void ReopenSales() => MoveTo(EventStatus.OnSale, EventStatus.SoldOut);

    public void Cancel() => MoveTo(EventStatus.Cancelled, EventStatus.Draft, EventStatus.Announced, EventStatus.OnSale, EventStatus.SoldOut, EventStatus.SalesPaused);

    /// <summary>The organizer stops sales for now: reservations are refused until <see cref="ResumeSales"/>; running holds may still be paid.</summary>
    public void PauseSales() => MoveTo(EventStatus.SalesPaused, EventStatus.OnSale, EventStatus.SoldOut);

    /// <summary>Sales go on again (a sold-out event comes back sold out once the seat counts say so).</summary>
    public void ResumeSales() => MoveTo(EventStatus.OnSale, EventStatus.SalesPaused);

    public void Complete(DateTime now)
    {
        if (now < StartsAt)
        {
            throw new EventNotStartedException(Id);
        }

        MoveTo(EventStatus.Completed, EventStatus.Announced, EventStatus.OnSale, EventStatus.SoldOut, EventStatus.SalesPaused);
    }

    public bool IsOnSale => Status == EventStatus.OnSale;

    /// <summary>
    /// Whether a hold placed earlier may still be paid for: on sale, or sold out (its own seats may be what sold it out).
    /// Paused, cancelled or over: no money is taken, and a charge that completes anyway is refunded (issue #14).
    /// </summary>
    public static bool TakesPaymentIn(EventStatus status) => status is EventStatus.OnSale or EventStatus.SoldOut;

    /// <summary>Fills <see cref="StartsAtLocal"/> on a row written before it existed; changes nothing clients see.</summary>
    internal void PlaceOnWallClockOf(Venue venue) => StartsAtLocal = venue.Id == VenueId
        ? venue.WallClock(StartsAt)
        : throw new InvalidOperationException("An event's wall clock is its own venue's.");

    /// <summary>Gives the event an explicit key for bulk loading.</summary>
    internal void AssignKey(int id)
    {
        Id = id;
        foreach (var price in _prices)
        {
            price.EventId = id;
        }

        foreach (var performer in _lineup)
        {
            performer.EventId = id;
        }
    }

    private void EnsureDraft(string field)
    {
        if (Status != EventStatus.Draft)
        {
            throw new EventNotEditableException(Id, Status, field);
        }
    }

    private void EnsureNotOver()
    {
        if (Status is EventStatus.Cancelled or EventStatus.Completed)
        {
            throw new EventNotEditableException(Id, Status, "event");
        }
    }

    private void RecordListingChange() => Record(() => new EventListingChanged(Id));

    private static void CheckTimes(DateTime startsAt, DateTime? endsAt, DateTime? doorsAt)
    {
        if (endsAt is { } ends && (Guard.Utc(ends, nameof(endsAt)) <= startsAt || ends > startsAt.AddDays(7)))
        {
            throw new InvalidFieldException(nameof(endsAt), "must be after the start and at most 7 days later");
        }

        if (doorsAt is { } doors && (Guard.Utc(doors, nameof(doorsAt)) > startsAt || doors < startsAt.AddHours(-24)))
        {
            throw new InvalidFieldException(nameof(doorsAt), "must be at most 24 hours before the start, and not after it");
        }
    }

    private void MoveTo(EventStatus to, params EventStatus[] allowedFrom)
    {
        if (!allowedFrom.Contains(Status))
        {
            throw new InvalidEventStatusTransitionException(Id, Status, to);
        }

        var from = Status;
        Status = to;
        Record(() => new EventStatusChanged(Id, from, to));
    }

    private static decimal ValidPrice(decimal price) =>
        price is >= 0 and < 1_000_000 && decimal.Round(price, 2) == price
            ? price
            : throw new InvalidFieldException(nameof(price), "must be between 0 and 999,999.99 with at most two decimals");
}
