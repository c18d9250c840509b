using GraphQL.Types;
using TicketMaster.Api.Booking;
using TicketMaster.Api.Events;
using TicketMaster.Api.Users;

namespace TicketMaster.Api.Schema;

/// <summary>The root mutation type; each feature adds its use cases in its own <c>*Mutations</c> file.</summary>
public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        this.AddAccountMutations();
        this.AddBookingMutations();
        this.AddEventMutations();
    }
}
