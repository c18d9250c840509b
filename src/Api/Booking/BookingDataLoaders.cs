using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;
using TicketMaster.Api.Events;
using TicketMaster.GraphQL.DataLoading;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Orders;

namespace TicketMaster.Api.Booking;

public sealed class BookingDataLoaders(DbBatch<TicketMasterDbContext> batch, TimeProvider clock)
{
    public BatchLoader<Guid, Hold> HoldById { get; } = batch.One<Guid, Hold>((db, ids, ct) =>
        db.Holds.AsNoTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct));

    public BatchLoader<Guid, Order> OrderById { get; } = batch.One<Guid, Order>((db, ids, ct) =>
        db.Orders.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct));

    /// <summary>The order a hold became, if any (one at most: <c>orders.hold_id</c> is unique).</summary>
    public BatchLoader<Guid, Order> OrderByHold { get; } = batch.One<Guid, Order>((db, ids, ct) =>
        db.Orders.AsNoTracking().Where(o => ids.Contains(o.HoldId)).ToDictionaryAsync(o => o.HoldId, ct));

    /// <summary>The seats a hold asked for, as they are now.</summary>
    public BatchLoader<Guid, IReadOnlyList<EventSeatView>> SeatsByHold { get; } = batch.One<Guid, IReadOnlyList<EventSeatView>>(async (db, ids, ct) =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await (
            from held in db.HoldSeats
            where ids.Contains(held.HoldId)
            join inventory in db.EventSeats on new { held.EventId, held.SeatId } equals new { inventory.EventId, inventory.SeatId }
            join seat in db.Seats on held.SeatId equals seat.Id
            join hold in db.Holds on held.HoldId equals hold.Id
            orderby seat.Id
            select new { held.HoldId, hold.Total.Currency, Inventory = inventory, seat.SectionId, Section = seat.Section!.Name, Row = seat.Row!.Label, seat.Number, seat.X, seat.Y, seat.IsAccessible })
            .AsNoTracking().ToListAsync(ct);
        return rows.GroupBy(r => r.HoldId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<EventSeatView>)g.Select(r => new EventSeatView(
                r.Inventory.SeatId, r.SectionId, r.Section, r.Row, r.Number, r.X, r.Y, r.IsAccessible, r.Inventory.StatusAt(now), new Money(r.Inventory.Price, r.Currency))).ToList());
    });

    public BatchLoader<Guid, IReadOnlyList<Ticket>> TicketsByOrder { get; } = batch.Many<Guid, Ticket>(
        (db, ids, ct) => db.Tickets.AsNoTracking().Where(t => ids.Contains(t.OrderId)).OrderBy(t => t.SeatId).ToListAsync(ct),
        ticket => ticket.OrderId);

    public BatchLoader<Guid, IReadOnlyList<Refund>> RefundsByOrder { get; } = batch.Many<Guid, Refund>(
        (db, ids, ct) => db.Refunds.AsNoTracking().Where(r => r.OrderId != null && ids.Contains(r.OrderId.Value)).OrderBy(r => r.CreatedAt).ToListAsync(ct),
        refund => refund.OrderId!.Value);

    /// <summary>A ticket with the account that bought it, for <c>node(id:)</c>'s ownership check.</summary>
    public BatchLoader<Guid, OwnedTicket> TicketById { get; } = batch.One<Guid, OwnedTicket>((db, ids, ct) => (
        from ticket in db.Tickets
        where ids.Contains(ticket.Id)
        join order in db.Orders on ticket.OrderId equals order.Id
        select new OwnedTicket(ticket, order.UserId)).AsNoTracking().ToDictionaryAsync(owned => owned.Ticket.Id, ct));

    /// <summary>Where a ticket's seat is, by seat id: asked for only when a client wants more than the ticket itself.</summary>
    public BatchLoader<int, SeatPlace> PlaceOfSeat { get; } = batch.One<int, SeatPlace>((db, ids, ct) =>
        db.Seats.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new SeatPlace(s.Id, s.SectionId, s.Section!.Name, s.Row!.Label, s.Number, s.X, s.Y, s.IsAccessible))
            .ToDictionaryAsync(p => p.SeatId, ct));
}

public sealed record OwnedTicket(Ticket Ticket, int BuyerId);
