using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Users;
using TicketMaster.Events;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Events;

/// <summary>A resource about one event, such as a mutation's input: what <see cref="Policies.EventOrganizer"/> checks.</summary>
public interface IEventScoped
{
    int EventId { get; }
}

public sealed class EventOrganizerRequirement : IAuthorizationRequirement;

/// <summary>Admins, or the organizer who owns the event; an unknown event admits admins only.</summary>
public sealed class EventOrganizerHandler(TicketMasterDbContext db) : AuthorizationHandler<EventOrganizerRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, EventOrganizerRequirement requirement)
    {
        if (context.User.IsAdmin())
        {
            context.Succeed(requirement);
            return;
        }

        var organizerId = context.Resource switch
        {
            Event loaded => loaded.OrganizerId,
            IEventScoped scoped => await db.Events.Where(e => e.Id == scoped.EventId).Select(e => (int?)e.OrganizerId).SingleOrDefaultAsync(),
            _ => null,
        };
        if (organizerId is not null && organizerId == Caller.UserIdOf(context.User))
        {
            context.Succeed(requirement);
            return;
        }

        context.Fail(new AuthorizationFailureReason(this, "Only the event's organizer (or an admin) may do this."));
    }
}
