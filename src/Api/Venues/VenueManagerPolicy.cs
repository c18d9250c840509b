using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Users;
using TicketMaster.Persistence;
using TicketMaster.Venues;

namespace TicketMaster.Api.Venues;

/// <summary>A resource about one venue, such as a mutation's input: what <see cref="Policies.VenueManager"/> checks.</summary>
public interface IVenueScoped
{
    int VenueId { get; }
}

public sealed class VenueManagerRequirement : IAuthorizationRequirement;

/// <summary>Admins, or the venue's manager; an unknown venue admits admins only.</summary>
public sealed class VenueManagerHandler(TicketMasterDbContext db) : AuthorizationHandler<VenueManagerRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, VenueManagerRequirement requirement)
    {
        if (context.User.IsAdmin())
        {
            context.Succeed(requirement);
            return;
        }

        var managerId = context.Resource switch
        {
            Venue loaded => loaded.ManagerId,
            IVenueScoped scoped => await db.Venues.Where(v => v.Id == scoped.VenueId).Select(v => v.ManagerId).SingleOrDefaultAsync(),
            _ => null,
        };
        if (managerId is not null && managerId == Caller.UserIdOf(context.User))
        {
            context.Succeed(requirement);
            return;
        }

        context.Fail(new AuthorizationFailureReason(this, "Only the venue's manager (or an admin) may do this."));
    }
}
