using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Events;
using TicketMaster.Api.Users;
using TicketMaster.Events;
using TicketMaster.Persistence;

namespace TicketMaster.Api.CheckIn;

public sealed class EventStaffRequirement : IAuthorizationRequirement;

/// <summary>
/// The people who run an event's doors: its organizer and its venue's manager (and admins). The
/// resource is an event or an <see cref="IEventScoped"/> input; an unknown event has no staff.
/// </summary>
/// <remarks>
/// A context of its own per check: several staff-only fields of one event authorize in parallel,
/// and the request's context cannot serve two queries at once.
/// </remarks>
public sealed class EventStaffHandler(IDbContextFactory<TicketMasterDbContext> databases) : AuthorizationHandler<EventStaffRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, EventStaffRequirement requirement)
    {
        var caller = Caller.UserIdOf(context.User);
        if (context.User.IsAdmin() || (caller is { } id && await StaffAsync(context.Resource) is { } staff && (staff.Organizer == id || staff.Manager == id)))
        {
            context.Succeed(requirement);
            return;
        }

        context.Fail(new AuthorizationFailureReason(this, "Only the event's organizer, its venue's manager (or an admin) may do this."));
    }

    private async Task<(int Organizer, int? Manager)?> StaffAsync(object? resource)
    {
        var eventId = resource switch
        {
            Event loaded => loaded.Id,
            IEventScoped scoped => scoped.EventId,
            _ => (int?)null,
        };
        await using var db = await databases.CreateDbContextAsync();
        var staff = await (
            from show in db.Events.AsNoTracking()
            where show.Id == eventId
            join venue in db.Venues on show.VenueId equals venue.Id
            select new { show.OrganizerId, venue.ManagerId }).SingleOrDefaultAsync();
        return staff is null ? null : (staff.OrganizerId, staff.ManagerId);
    }
}
