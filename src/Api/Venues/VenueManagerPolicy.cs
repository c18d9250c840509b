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

/// <summary>Admins, or the venue's manager.</summary>
public sealed class VenueManagerHandler(TicketMasterDbContext db)
    : OwnerHandler<VenueManagerRequirement>("Only the venue's manager (or an admin) may do this.")
{
    protected override async Task<int?> OwnerOfAsync(object? resource) => resource switch
    {
        Venue loaded => loaded.ManagerId,
        IVenueScoped scoped => await db.Venues.Where(v => v.Id == scoped.VenueId).Select(v => v.ManagerId).SingleOrDefaultAsync(),
        _ => null,
    };
}
