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

/// <summary>A resource about one order (a refund's input): its event's organizer is the owner.</summary>
public interface IOrderScoped
{
    Guid OrderId { get; }
}

public sealed class EventOrganizerRequirement : IAuthorizationRequirement;

/// <summary>Admins, or the organizer who owns the event.</summary>
public sealed class EventOrganizerHandler(TicketMasterDbContext db)
    : OwnerHandler<EventOrganizerRequirement>("Only the event's organizer (or an admin) may do this.")
{
    protected override async Task<int?> OwnerOfAsync(object? resource) => resource switch
    {
        Event loaded => loaded.OrganizerId,
        IEventScoped scoped => await db.Events.Where(e => e.Id == scoped.EventId).Select(e => (int?)e.OrganizerId).SingleOrDefaultAsync(),
        IOrderScoped scoped => await db.Orders.Where(o => o.Id == scoped.OrderId)
            .Join(db.Events, o => o.EventId, e => e.Id, (_, e) => (int?)e.OrganizerId).SingleOrDefaultAsync(),
        _ => null,
    };
}
