using GraphQL.Types;

namespace TicketMaster.Api.GraphQL;

/// <summary>The one schema. Features contribute root fields to <see cref="QueryType"/> and <see cref="MutationType"/>.</summary>
public sealed class TicketMasterSchema : Schema
{
    public TicketMasterSchema(IServiceProvider services, QueryType query, MutationType mutation)
        : base(services)
    {
        Query = query;
        Mutation = mutation;

        // Referenced by name from the mutations' error unions.
        foreach (var errorType in Booking.BookingErrorType.All())
        {
            RegisterType(errorType);
        }
    }
}
