using GraphQL.Types;
using TicketMaster.Api.Live;

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
        this.AddLiveSubscriptions();
    }
}
