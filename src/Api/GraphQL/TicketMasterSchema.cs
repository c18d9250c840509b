using GraphQL.Types;

namespace TicketMaster.Api.GraphQL;

/// <summary>The one schema. Features contribute root fields to <see cref="QueryType"/>, <see cref="MutationType"/> and <see cref="SubscriptionType"/>.</summary>
public sealed class TicketMasterSchema : Schema
{
    public TicketMasterSchema(IServiceProvider services, QueryType query, MutationType mutation, SubscriptionType subscription)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;

        // Referenced by name from the mutations' error unions.
        foreach (var errorType in Booking.BookingErrorType.All())
        {
            RegisterType(errorType);
        }
    }
}
