using GraphQL;
using GraphQL.Types;
using TicketMaster.Api.GraphQL.Mutations;
using TicketMaster.Api.GraphQL.Relay;
using TicketMaster.Api.Venues;

namespace TicketMaster.Api.Booking;

/// <summary>One GraphQL error type per booking failure code (see <see cref="BookingErrors.Types"/>).</summary>
/// <remarks>
/// Built by <see cref="All"/>, not by DI: <c>AddGraphTypes</c> would otherwise register it, and the
/// Development environment's ValidateOnBuild fails on its string parameters.
/// </remarks>
[DoNotRegister]
public sealed class BookingErrorType : ObjectGraphType<BookingError>
{
    public BookingErrorType(string code, string typeName, string description)
    {
        Name = typeName;
        Description = description;
        Interface<ErrorInterface>();
        IsTypeOf = value => value is BookingError error && error.Code == code;
        Field(e => e.Message);
        if (code is "SEAT_UNAVAILABLE" or "SEATS_NOT_IN_EVENT")
        {
            Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("seatIds")
                .Description("The seats concerned.")
                .Resolve(ctx => ctx.Source.SeatIds!.Select(id => GlobalId.Encode(SeatType.TypeName, id)));
        }
    }

    /// <summary>Every error type, for the schema to register once.</summary>
    public static IEnumerable<BookingErrorType> All() =>
        BookingErrors.Types.Select(pair => new BookingErrorType(pair.Key, pair.Value.TypeName, pair.Value.Description));
}

/// <summary><c>union XError = …</c> of the failures one mutation can have.</summary>
public abstract class BookingErrorUnion : UnionGraphType
{
    protected BookingErrorUnion(string name, params string[] codes)
    {
        Name = name;
        foreach (var code in codes)
        {
            AddPossibleType(new GraphQLTypeReference(BookingErrors.Types[code].TypeName));
        }
    }
}

public sealed class ReserveSeatsErrorType() : BookingErrorUnion(
    "ReserveSeatsError", "SEAT_UNAVAILABLE", "SEATS_NOT_IN_EVENT", "EVENT_NOT_FOUND", "EVENT_NOT_ON_SALE", "TOO_MANY_SEATS", "TOO_MANY_HOLDS", "NO_SEATS", "TRY_AGAIN");

public sealed class ReserveBestAvailableErrorType() : BookingErrorUnion(
    "ReserveBestAvailableError", "NOT_ENOUGH_SEATS", "SEAT_UNAVAILABLE", "EVENT_NOT_FOUND", "EVENT_NOT_ON_SALE", "TOO_MANY_SEATS", "TOO_MANY_HOLDS", "NO_SEATS", "TRY_AGAIN");

public sealed class ConfirmReservationErrorType() : BookingErrorUnion(
    "ConfirmReservationError", "RESERVATION_NOT_FOUND", "HOLD_EXPIRED", "HOLD_NOT_OWNED", "HOLD_ALREADY_CONFIRMED", "HOLD_NOT_ACTIVE",
    "PAYMENT_DECLINED", "PAYMENT_FAILED", "IDEMPOTENCY_KEY_REUSED", "CONFIRMATION_IN_PROGRESS", "TRY_AGAIN");

public sealed class ReleaseReservationErrorType() : BookingErrorUnion(
    "ReleaseReservationError", "RESERVATION_NOT_FOUND", "HOLD_NOT_OWNED", "HOLD_NOT_ACTIVE", "TRY_AGAIN");
