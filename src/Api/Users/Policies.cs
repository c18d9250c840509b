using Microsoft.AspNetCore.Authorization;
using TicketMaster.Api.Events;
using TicketMaster.Api.Venues;
using TicketMaster.Users;

namespace TicketMaster.Api.Users;

/// <summary>
/// The named authorization policies fields and mutations declare (<c>AuthorizeWithPolicy</c>).
/// Ownership policies get the field's resource: the typed input of a mutation, the parent
/// object of a field. Admins pass every policy.
/// </summary>
public static class Policies
{
    /// <summary>Platform administrators.</summary>
    public const string Admin = "Admin";

    /// <summary>The organizer of the event the resource is about (<see cref="IEventScoped"/> or an event), or an admin.</summary>
    public const string EventOrganizer = "EventOrganizer";

    /// <summary>A manager of the venue the resource is about (<see cref="IVenueScoped"/> or a venue), or an admin.</summary>
    public const string VenueManager = "VenueManager";

    /// <summary>The organizer who added the performer the resource is about (<see cref="Api.Performers.IPerformerScoped"/>), or an admin.</summary>
    public const string PerformerCreator = "PerformerCreator";

    /// <summary>Anyone who holds the venue-manager role (they open venues), or an admin.</summary>
    public const string VenueManagers = "VenueManagers";

    /// <summary>Anyone who holds the organizer role (they put on events and add performers), or an admin.</summary>
    public const string Organizers = "Organizers";

    /// <summary>Who runs the event's doors: its organizer or its venue's manager (the event or <see cref="IEventScoped"/>), or an admin.</summary>
    public const string EventStaff = "EventStaff";

    public static IServiceCollection AddTicketMasterPolicies(this IServiceCollection services)
    {
        services.AddAuthorization(options =>
        {
            options.AddPolicy(Admin, policy => policy.RequireRole(nameof(Role.Admin)));
            options.AddPolicy(VenueManagers, policy => policy.RequireRole(nameof(Role.VenueManager), nameof(Role.Admin)));
            options.AddPolicy(Organizers, policy => policy.RequireRole(nameof(Role.Organizer), nameof(Role.Admin)));
            options.AddPolicy(EventOrganizer, policy => policy.AddRequirements(new EventOrganizerRequirement()));
            options.AddPolicy(VenueManager, policy => policy.AddRequirements(new VenueManagerRequirement()));
            options.AddPolicy(PerformerCreator, policy => policy.AddRequirements(new Api.Performers.PerformerCreatorRequirement()));
            options.AddPolicy(EventStaff, policy => policy.AddRequirements(new CheckIn.EventStaffRequirement()));
        });
        services.AddScoped<IAuthorizationHandler, EventOrganizerHandler>();
        services.AddScoped<IAuthorizationHandler, VenueManagerHandler>();
        services.AddScoped<IAuthorizationHandler, Api.Performers.PerformerCreatorHandler>();
        services.AddScoped<IAuthorizationHandler, CheckIn.EventStaffHandler>();
        return services;
    }

    public static bool IsAdmin(this System.Security.Claims.ClaimsPrincipal user) => user.IsInRole(nameof(Role.Admin));
}

/// <summary>
/// An ownership policy: admins pass; anyone else passes when the resource's owner (an event's
/// organizer, a venue's manager) is the caller. An unknown resource has no owner, so only admins pass.
/// </summary>
public abstract class OwnerHandler<TRequirement>(string refusal) : AuthorizationHandler<TRequirement>
    where TRequirement : IAuthorizationRequirement
{
    protected sealed override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TRequirement requirement)
    {
        if (context.User.IsAdmin() || (await OwnerOfAsync(context.Resource) is { } owner && owner == Caller.UserIdOf(context.User)))
        {
            context.Succeed(requirement);
            return;
        }

        context.Fail(new AuthorizationFailureReason(this, refusal));
    }

    /// <summary>The owner's user id, or null when the resource is not of this kind or does not exist.</summary>
    protected abstract Task<int?> OwnerOfAsync(object? resource);
}
