using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Users;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Performers;

/// <summary>A resource about one performer, such as a mutation's input: what <see cref="Policies.PerformerCreator"/> checks.</summary>
public interface IPerformerScoped
{
    int PerformerId { get; }
}

public sealed class PerformerCreatorRequirement : IAuthorizationRequirement;

/// <summary>Admins, or the organizer who added the performer.</summary>
public sealed class PerformerCreatorHandler(TicketMasterDbContext db)
    : OwnerHandler<PerformerCreatorRequirement>("Only the organizer who added the performer (or an admin) may do this.")
{
    protected override async Task<int?> OwnerOfAsync(object? resource) => resource switch
    {
        IPerformerScoped scoped => await db.Performers.Where(p => p.Id == scoped.PerformerId).Select(p => p.CreatedById).SingleOrDefaultAsync(),
        _ => null,
    };
}
