using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Persistence;

namespace TicketMaster.Events;

/// <summary>
/// The organizer changes an event: anything while it is a draft; once published its name,
/// description, line-up, times (a reschedule) and prices. A new price applies to the seats free
/// now; held and sold seats keep the price they were taken at. Fields left null keep their value.
/// </summary>
public sealed class UpdateEvent(TicketMasterDbContext db, TimeProvider clock)
{
    public Task<Event> ExecuteAsync(int eventId, EventEdit edit, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow().UtcDateTime;
            var show = await db.Events.Include(e => e.Venue).Include(e => e.Prices).Include(e => e.Lineup)
                .AsSplitQuery().SingleOrDefaultAsync(e => e.Id == eventId, token) ?? throw new EventNotFoundException(eventId);
            var zone = show.Venue!.TimeZone;

            if (edit.Name is not null || edit.Description is not null)
            {
                show.Rename(edit.Name ?? show.Name, edit.Description ?? show.Description);
            }

            if (edit.Category is { } category)
            {
                show.ChangeCategory(category);
            }

            if (edit.StartsAt is not null || edit.EndsAt is not null || edit.DoorsAt is not null)
            {
                // A new start moves the whole evening: ends and doors not given keep their distance to it.
                var startsAt = VenueLocalTime.ToUtc(edit.StartsAt, zone, "startsAt") ?? show.StartsAt;
                var shift = startsAt - show.StartsAt;
                show.Reschedule(
                    startsAt,
                    VenueLocalTime.ToUtc(edit.EndsAt, zone, "endsAt") ?? show.EndsAt + shift,
                    VenueLocalTime.ToUtc(edit.DoorsAt, zone, "doorsAt") ?? show.DoorsAt + shift,
                    now);
            }

            if (edit.OnSaleAt is not null || edit.MaxTicketsPerOrder is not null || edit.MaxTicketsPerAccount is not null)
            {
                show.Arrange(
                    show.EndsAt, show.DoorsAt, VenueLocalTime.ToUtc(edit.OnSaleAt, zone, "onSaleAt") ?? show.OnSaleAt,
                    edit.MaxTicketsPerOrder ?? show.MaxTicketsPerOrder, edit.MaxTicketsPerAccount ?? show.MaxTicketsPerAccount);
            }

            if (edit.PerformerIds is { } lineup)
            {
                await EventLineup.CheckExistAsync(db, lineup, token);
                show.ChangeLineup(lineup);
            }

            var prices = SectionPrice.InCurrency(edit.Prices ?? [], show.Currency);
            foreach (var (sectionId, price) in prices)
            {
                show.ChangeSectionPrice(sectionId, price);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await db.SaveChangesAsync(token);
            foreach (var (sectionId, price) in prices)
            {
                // Free seats only (a lapsed hold's seat is free): a live hold keeps the price it was placed at.
                await db.EventSeats.Where(s => s.EventId == eventId && s.SectionId == sectionId).Where(EventSeat.IsAvailable.At(now))
                    .ExecuteUpdateAsync(set => set.SetProperty(s => s.Price, price), token);
            }

            await transaction.CommitAsync(token);
            return show;
        }, cancellationToken);
}

/// <summary>The changes to an event; null keeps a value. Times are the venue's wall clock.</summary>
public sealed record EventEdit(
    string? Name = null,
    string? Description = null,
    EventCategory? Category = null,
    string? StartsAt = null,
    string? EndsAt = null,
    string? DoorsAt = null,
    string? OnSaleAt = null,
    IReadOnlyList<SectionPrice>? Prices = null,
    IReadOnlyList<int>? PerformerIds = null,
    int? MaxTicketsPerOrder = null,
    int? MaxTicketsPerAccount = null);
