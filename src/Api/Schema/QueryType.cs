using GraphQL.Types;
using TicketMaster.Api.Booking;
using TicketMaster.Api.Events;
using TicketMaster.Api.Notifications;
using TicketMaster.Api.OrganizerWebhooks;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Api.Performers;
using TicketMaster.Api.Search;
using TicketMaster.Api.Users;
using TicketMaster.Api.Venues;
using TicketMaster.Api.WaitingRoom;

namespace TicketMaster.Api.Schema;

/// <summary>The root query type; each feature adds its fields in its own <c>*Queries</c> file.</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Description = "Everything a client can read: the public catalogue (events, venues, performers, search) without a token; your account, reservations and orders with one.";
        this.AddNodeQueries();
        this.AddEventQueries();
        this.AddVenueQueries();
        this.AddPerformerQueries();
        this.AddUserQueries();
        this.AddBookingQueries();
        this.AddSearchQueries();
        this.AddNotificationQueries();
        this.AddWebhookEndpointQueries();
        this.AddWaitingRoomQueries();
    }
}
