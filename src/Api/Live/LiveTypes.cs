using System.ComponentModel;
using GraphQL.Types;
using TicketMaster.Api.Booking;
using TicketMaster.Api.Events;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Api.Venues;
using TicketMaster.Live;

namespace TicketMaster.Api.Live;

public sealed class SeatAvailabilityChangeType : ObjectGraphType<SeatAvailabilityMessage>
{
    public SeatAvailabilityChangeType()
    {
        Name = "SeatAvailabilityChange";
        Description = "Seats of one event changed status. The first message after subscribing is the current state: no seats, the event's current `version` and counts.";
        Field<NonNullGraphType<IdGraphType>>("eventId").Description("The event, as in `Event.id`.").Resolve(ctx => GlobalId.Encode(EventType.TypeName, ctx.Source.EventId));
        Field<NonNullGraphType<LongGraphType>>("version")
            .Description("Per event: each change is exactly one more than the one before. Any other step (a gap after a missed message, or a lower number after the server restarted) means changes were missed: refetch the seats and counts, then carry on from this message.")
            .Resolve(ctx => ctx.Source.Version);
        Field<LongGraphType>("changeId").Description("The durable record of this change (it only grows, with gaps); null for the first, current-state message.")
            .Resolve(ctx => ctx.Source.ChangeId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SeatStatusChangeType>>>>("seats").Description("The seats that changed, with their new status.")
            .Resolve(ctx => ctx.Source.Seats.Select(id => new SeatStatusChange(id, ctx.Source.Status)));
        Field<NonNullGraphType<AvailabilityType>>("availability").Description("The event's seat counts at or after this change.")
            .Resolve(ctx => Counts(ctx.Source.Counts));
    }

    public static Availability Counts(SeatCounts counts) => Availability.From(counts);
}

public sealed record SeatStatusChange(int SeatId, TicketMaster.Booking.SeatStatus Status);

public sealed class SeatStatusChangeType : ObjectGraphType<SeatStatusChange>
{
    public SeatStatusChangeType()
    {
        Name = "SeatStatusChange";
        Description = "One seat's new status.";
        Field<NonNullGraphType<IdGraphType>>("seatId").Description("The Seat's id, as in `Event.seats`; in `Event.seatMap` it is the seat whose key (in `seatKeys`) it encodes.").Resolve(ctx => GlobalId.Encode(SeatType.TypeName, ctx.Source.SeatId));
        Field<NonNullGraphType<SeatStatusType>>("status").Description("The seat's status from now on.").Resolve(ctx => ctx.Source.Status);
    }
}

public sealed class EventAvailabilityChangeType : ObjectGraphType<SeatAvailabilityMessage>
{
    public EventAvailabilityChangeType()
    {
        Name = "EventAvailabilityChange";
        Description = "An event's seat counts changed. The first messages after subscribing are the current counts of each event.";
        Field<NonNullGraphType<IdGraphType>>("eventId").Description("The event whose counts these are, as in `Event.id`; one of the `eventIds` subscribed to.")
            .Resolve(ctx => GlobalId.Encode(EventType.TypeName, ctx.Source.EventId));
        Field<NonNullGraphType<LongGraphType>>("version").Description("The event's version, as in onSeatAvailabilityChanged.").Resolve(ctx => ctx.Source.Version);
        Field<NonNullGraphType<AvailabilityType>>("availability").Description("The event's seat counts at or after this change.")
            .Resolve(ctx => SeatAvailabilityChangeType.Counts(ctx.Source.Counts));
    }
}

/// <summary>What happened to one of the caller's reservations.</summary>
public enum ReservationChangeKind
{
    /// <summary>Running: sent for each running reservation on subscribing, and for each new one.</summary>
    [Description("Running: sent for each running reservation when you subscribe, and for each new one.")]
    Held,

    /// <summary>Runs out within the notice period (a minute by default).</summary>
    [Description("Runs out soon (a minute before `expiresAt` by default): prompt the buyer to pay.")]
    ExpiringSoon,

    [Description("Ran out before it was confirmed; its seats are free again.")]
    Expired,

    [Description("Paid for: it is an order now.")]
    Confirmed,

    [Description("Given back with `releaseReservation`; its seats are free again.")]
    Released,

    /// <summary>The payment went back to the buyer: the charge completed after the hold was gone, or the processor refunded it.</summary>
    [Description("Your payment for it went back to you (`refunded` says how much): the charge completed after the reservation had ended, or it was refunded at the payment processor. Any order it made is refunded; tell the buyer no tickets are theirs.")]
    Refunded,
}

public sealed record ReservationFeedEvent(ReservationChangeKind Kind, HoldChange Hold);

public sealed class ReservationChangeKindType : EnumerationGraphType<ReservationChangeKind>
{
    public ReservationChangeKindType()
    {
        Name = "ReservationChangeKind";
        Description = "What happened to a reservation.";
    }
}

public sealed class ReservationChangeType : ObjectGraphType<ReservationFeedEvent>
{
    public ReservationChangeType()
    {
        Name = "ReservationChange";
        Description = "One of your reservations changed: running (HELD), about to run out, ran out, bought or given back.";
        Field<NonNullGraphType<ReservationChangeKindType>>("kind").Description("What happened.").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<IdGraphType>>("reservationId").Description("The reservation, as in `Reservation.id`; set even when `reservation` is null.")
            .Resolve(ctx => GlobalId.Encode(ReservationType.TypeName, ctx.Source.Hold.HoldId));
        Field<NonNullGraphType<IdGraphType>>("eventId").Description("The reservation's event, as in `Event.id`.")
            .Resolve(ctx => GlobalId.Encode(EventType.TypeName, ctx.Source.Hold.EventId));
        Field<NonNullGraphType<DateTimeGraphType>>("expiresAt").Description("When the reservation runs out (or ran out) unless confirmed.").Resolve(ctx => ctx.Source.Hold.ExpiresAt);
        Field<ReservationType>("reservation").Description("The reservation as it is now.")
            .Resolve(ctx => BookingQueries.LoadOwnReservation(ctx, ctx.Source.Hold.HoldId));
        Field<MoneyType>("refunded").Description("On REFUNDED, how much went back to you; null for every other kind.")
            .Resolve(ctx => ctx.Source.Kind == ReservationChangeKind.Refunded ? ctx.Source.Hold.Refunded : null);
        Field<OrderType>("order").Description(
            "On CONFIRMED and REFUNDED, the order the reservation became (e.g. when 3-D Secure completed after `confirmReservation` answered "
            + "PaymentActionRequiredError): show its tickets; null otherwise or when no order was made.")
            .Resolve(ctx => ctx.Source.Kind is ReservationChangeKind.Confirmed or ReservationChangeKind.Refunded
                ? BookingQueries.LoadOwnOrderOfHold(ctx, ctx.Source.Hold.HoldId)
                : null);
    }
}
