using GraphQL.Types;
using TicketMaster.Api.Events;
using TicketMaster.Booking;
using TicketMaster.GraphQL.Mutations;

namespace TicketMaster.Api.Booking;

/// <summary>
/// What a buyer needs to show for an error that names seats: the seats themselves, with the label
/// people read ("Stalls, row C, seat 12") and their status now, beside the global ids the error type
/// derives. Read only when a client selects it, on the failure path.
/// </summary>
public static class SeatErrorFields
{
    public static void AddSeatFields(this ExceptionErrorType errorType)
    {
        if (errorType.ExceptionType == typeof(SeatsUnavailableException))
        {
            errorType.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventSeatType>>>>("seats")
                .Description("The seats that are no longer free, each with its `label` to show (\"Stalls, row C, seat 12\") and its `status` now.")
                .ResolveAsync(async ctx =>
                {
                    var error = (SeatsUnavailableException)ctx.Source!;
                    return await ctx.RequestServices!.GetRequiredService<EventSeatQueries>().SeatsAsync(error.EventId, error.SeatIds, ctx.CancellationToken);
                });
        }
    }
}
