using Microsoft.EntityFrameworkCore;
using TicketMaster.Common;
using TicketMaster.Persistence;

namespace TicketMaster.Booking;

/// <summary>
/// Picks the best free seats (<see cref="BestSeats"/>) and reserves them with the same locking as
/// <see cref="ReserveSeats"/>. Choosing happens without locks, so a rival may take a chosen seat
/// first; then it chooses again from what is left, a few times.
/// </summary>
public sealed class ReserveBestAvailable(TicketMasterDbContext db, ReserveSeats reserve, TimeProvider clock, BookingOptions options)
{
    private const int Attempts = 3;

    public async Task<Hold> ExecuteAsync(int userId, int eventId, int quantity, int? sectionId, Money? maxPrice, CancellationToken cancellationToken)
    {
        if (quantity <= 0)
        {
            throw new NoSeatsException();
        }

        if (quantity > options.MaxSeatsPerReservation)
        {
            throw new TooManySeatsException(quantity, options.MaxSeatsPerReservation);
        }

        if (maxPrice is { } limit
            && await db.Events.Where(e => e.Id == eventId).Select(e => e.Currency).SingleOrDefaultAsync(cancellationToken) is { } currency
            && currency != limit.Currency)
        {
            throw new PriceInOtherCurrencyException(limit.Currency, currency);
        }

        for (var attempt = 1; ; attempt++)
        {
            var chosen = BestSeats.Choose(await CandidatesAsync(eventId, sectionId, maxPrice?.Amount, cancellationToken), quantity)
                ?? throw new NotEnoughSeatsException(eventId, quantity);
            try
            {
                return await reserve.ExecuteAsync(userId, eventId, chosen, cancellationToken);
            }
            catch (SeatsUnavailableException) when (attempt < Attempts)
            {
                // Someone was faster for one of these seats: choose again from what is left.
            }
        }
    }

    private async Task<List<SeatCandidate>> CandidatesAsync(int eventId, int? sectionId, decimal? maxPrice, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var free = db.EventSeats.AsNoTracking().Where(s => s.EventId == eventId).Where(EventSeat.IsAvailable.At(now));
        if (sectionId is not null)
        {
            free = free.Where(s => s.SectionId == sectionId);
        }

        if (maxPrice is not null)
        {
            free = free.Where(s => s.Price <= maxPrice);
        }

        var candidates = await free
            .Join(db.Seats, inventory => inventory.SeatId, seat => seat.Id, (inventory, seat) => new
            {
                inventory.SeatId, seat.RowId, seat.Number, inventory.Price, SectionPosition = seat.Section!.Position, RowPosition = seat.Row!.Position,
            })
            .ToListAsync(cancellationToken);

        // Every free seat of the event (one index range); ranking them is cheap in memory.
        return candidates.Select(c => new SeatCandidate(c.SeatId, c.RowId, c.Number, c.Price, c.SectionPosition, c.RowPosition)).ToList();
    }
}
