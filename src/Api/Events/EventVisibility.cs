using System.Linq.Expressions;
using System.Security.Claims;
using TicketMaster.Api.Users;
using TicketMaster.Events;

namespace TicketMaster.Api.Events;

/// <summary>
/// Who may see an event: everyone once it is published; a draft only its organizer and admins.
/// Every way to reach one event (eventById, node, nodes, the availability streams) asks this; the
/// lists show published events only, to everyone.
/// </summary>
public static class EventVisibility
{
    public static bool IsVisibleTo(this Event show, ClaimsPrincipal? user) =>
        show.Status != EventStatus.Draft || (user is not null && (user.IsAdmin() || Caller.UserIdOf(user) == show.OrganizerId));

    /// <summary>The same rule as a query filter, for reads that never load the event.</summary>
    public static Expression<Func<Event, bool>> VisibleTo(ClaimsPrincipal? user)
    {
        if (user is not null && user.IsAdmin())
        {
            return _ => true;
        }

        var caller = user is null ? null : Caller.UserIdOf(user);
        return e => e.Status != EventStatus.Draft || e.OrganizerId == caller;
    }
}
