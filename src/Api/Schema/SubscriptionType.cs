using GraphQL.Types;
using TicketMaster.Api.Live;
using TicketMaster.Api.Notifications;
using TicketMaster.Api.WaitingRoom;

namespace TicketMaster.Api.Schema;

/// <summary>
/// The root subscription type, served over WebSocket (graphql-transport-ws, legacy graphql-ws) and
/// Server-Sent Events; see <c>Transport/</c>.
/// </summary>
public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType()
    {
        Name = "Subscription";
        Description = "Live updates, over WebSocket (graphql-transport-ws or graphql-ws) at `/graphql`, or Server-Sent Events (a POST or GET to `/graphql` with `Accept: text/event-stream`).";
        this.AddLiveSubscriptions();
        this.AddNotificationSubscriptions();
        this.AddWaitingRoomSubscriptions();
    }
}
