using GraphQL.Types;
using TicketMaster.Api.Booking;
using TicketMaster.Api.CheckIn;
using TicketMaster.Api.Events;
using TicketMaster.Api.Performers;
using TicketMaster.Api.Notifications;
using TicketMaster.Api.OrganizerWebhooks;
using TicketMaster.Api.Users;
using TicketMaster.Api.Venues;
using TicketMaster.Api.WaitingRoom;

namespace TicketMaster.Api.Schema;

/// <summary>The root mutation type; each feature adds its use cases in its own <c>*Mutations</c> file.</summary>
public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        Description = "Everything a client can change. Each mutation takes one `input` and returns a payload whose `errors` list the expected failures (nothing changed then); anything else is a GraphQL error.";
        this.AddAccountMutations();
        this.AddBookingMutations();
        this.AddEventMutations();
        this.AddVenueMutations();
        this.AddPerformerMutations();
        this.AddCheckInMutations();
        this.AddNotificationMutations();
        this.AddNotificationPreferenceMutations();
        this.AddWebhookEndpointMutations();
        this.AddWaitingRoomMutations();
    }
}
