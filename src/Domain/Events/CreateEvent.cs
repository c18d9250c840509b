using TicketMaster.Common;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Performers;
using TicketMaster.Persistence;
using TicketMaster.Venues;

namespace TicketMaster.Events;

/// <summary>
/// An organizer drafts an event at a venue: the event, its price tiers, line-up and an inventory
/// row per seat of the venue's current map, in one transaction (the inventory in bulk).
/// </summary>
public sealed class CreateEvent(TicketMasterDbContext db, ISeatMapStore store, TimeProvider clock)
{
    public Task<Event> ExecuteAsync(int organizerId, EventDraft draft, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow().UtcDateTime;
            // The sections as entities (prices name them), the seats as keys only: tracking 20,000 seat
            // entities cost more than writing their inventory.
            var venue = await db.Venues.Include(v => v.Sections.Where(s => s.RetiredAt == null))
                .SingleOrDefaultAsync(v => v.Id == draft.VenueId, token) ?? throw new VenueNotFoundException(draft.VenueId);
            var sectionIds = venue.CurrentSections.Select(s => s.Id).ToList();
            var seats = await db.Seats.AsNoTracking().Where(s => sectionIds.Contains(s.SectionId)).OrderBy(s => s.Id)
                .Select(s => new { s.Id, s.SectionId }).ToListAsync(token);
            if (!venue.CurrentSections.Any())
            {
                throw new VenueWithoutSeatMapException(venue.Id);
            }

            await EventLineup.CheckExistAsync(db, draft.PerformerIds, token);
            var startsAt = VenueLocalTime.ToUtc(draft.StartsAt, venue.TimeZone, "startsAt")!.Value;
            var show = Event.Schedule(
                draft.Name, draft.Description ?? "", draft.Category, startsAt, venue, organizerId, draft.Currency,
                SectionPrice.InCurrency(draft.Prices, draft.Currency), draft.PerformerIds, now);
            show.Arrange(
                VenueLocalTime.ToUtc(draft.EndsAt, venue.TimeZone, "endsAt"), VenueLocalTime.ToUtc(draft.DoorsAt, venue.TimeZone, "doorsAt"),
                VenueLocalTime.ToUtc(draft.OnSaleAt, venue.TimeZone, "onSaleAt"), draft.MaxTicketsPerOrder, draft.MaxTicketsPerAccount);

            await using var transaction = await db.Database.BeginTransactionAsync(token);
            db.Events.Add(show);
            await db.SaveChangesAsync(token);
            await store.InsertInventoryAsync(db, show.CreateInventory(seats.Select(s => (s.Id, s.SectionId))), token);
            await transaction.CommitAsync(token);
            return show;
        }, cancellationToken);
}

/// <summary>What an organizer gives to draft an event; times are the venue's wall clock (<see cref="VenueLocalTime"/>).</summary>
public sealed record EventDraft(
    int VenueId,
    string Name,
    string? Description,
    EventCategory Category,
    string StartsAt,
    string? EndsAt,
    string? DoorsAt,
    string? OnSaleAt,
    string Currency,
    IReadOnlyList<SectionPrice> Prices,
    IReadOnlyList<int> PerformerIds,
    int? MaxTicketsPerOrder,
    int? MaxTicketsPerAccount);

/// <summary>One price tier: every seat of a section costs this, in the event's currency.</summary>
public sealed record SectionPrice(int SectionId, Money Price)
{
    /// <summary>Most tiers one input may carry: no venue has more sections (a seat map's sections are bounded by its places).</summary>
    public const int MaxTiers = 500;

    /// <summary>
    /// The prices by section, each in <paramref name="currency"/> (one currency per event; prices are never converted):
    /// another currency is <see cref="Booking.PriceInOtherCurrencyException"/>, a section named twice or too many tiers
    /// an <see cref="InvalidFieldException"/> on <c>prices</c>.
    /// </summary>
    public static IReadOnlyDictionary<int, decimal> InCurrency(IReadOnlyList<SectionPrice> prices, string currency)
    {
        if (prices.Count > MaxTiers)
        {
            throw new InvalidFieldException("prices", $"has more than {MaxTiers} tiers");
        }

        var bySection = new Dictionary<int, decimal>();
        foreach (var price in prices)
        {
            if (price.Price.Currency != currency)
            {
                throw new Booking.PriceInOtherCurrencyException(price.Price.Currency, currency);
            }

            if (!bySection.TryAdd(price.SectionId, price.Price.Amount))
            {
                throw new InvalidFieldException("prices", "names a section twice");
            }
        }

        return bySection;
    }
}

public static class EventLineup
{
    /// <summary>The longest line-up one event lists (a festival's bill fits; a client cannot send an unbounded list).</summary>
    public const int MaxPerformers = 100;

    internal static async Task CheckExistAsync(TicketMasterDbContext db, IReadOnlyList<int> performerIds, CancellationToken cancellationToken)
    {
        if (performerIds.Count > MaxPerformers)
        {
            throw new InvalidFieldException("performerIds", $"lists more than {MaxPerformers} performers");
        }

        var known = await db.Performers.Where(p => performerIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        if (performerIds.FirstOrDefault(id => !known.Contains(id)) is var missing and not 0)
        {
            throw new PerformerNotFoundException(missing);
        }
    }
}
