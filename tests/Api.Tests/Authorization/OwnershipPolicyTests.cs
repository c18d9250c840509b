using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Api.Events;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Api.Users;
using TicketMaster.Api.Venues;
using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Api.Tests.Authorization;

/// <summary>
/// The named ownership policies, as the Api registers them, against rows in its real database:
/// the resource is what a mutation's input names (an event or a venue id).
/// </summary>
public sealed class OwnershipPolicyTests : IAsyncLifetime
{
    private EmptyApi _api = null!;
    private (User Organizer, User OtherOrganizer, User Manager, User Admin, User Attendee) _users;
    private (int EventId, int VenueId) _owned;

    public async Task InitializeAsync()
    {
        _api = await EmptyApi.StartAsync();
        await using var scope = _api.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketMasterDbContext>();
        _users = (TestData.User("olga", Role.Organizer), TestData.User("otto", Role.Organizer), TestData.User("vera", Role.VenueManager),
            TestData.User("ada", Role.Admin), TestData.User("luna"));
        db.Users.AddRange(_users.Organizer, _users.OtherOrganizer, _users.Manager, _users.Admin, _users.Attendee);
        await db.SaveChangesAsync();
        var venue = TestData.Venue(managerId: _users.Manager.Id);
        db.Venues.Add(venue);
        await db.SaveChangesAsync();
        var show = TestData.Event(venue, organizerId: _users.Organizer.Id);
        db.Events.Add(show);
        await db.SaveChangesAsync();
        _owned = (show.Id, venue.Id);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Only_the_events_organizer_or_an_admin_passes_the_event_organizer_policy()
    {
        var verdicts = new Dictionary<string, bool>();
        foreach (var (name, user) in Everyone())
        {
            verdicts[name] = await AllowsAsync(user, new EventInput(_owned.EventId), Policies.EventOrganizer);
        }

        Assert.Equal(new Dictionary<string, bool> { ["organizer"] = true, ["other organizer"] = false, ["venue manager"] = false, ["admin"] = true, ["attendee"] = false }, verdicts);
        Assert.False(await AllowsAsync(_users.Organizer, new EventInput(_owned.EventId + 1000), Policies.EventOrganizer));
    }

    [Fact]
    public async Task Only_the_venues_manager_or_an_admin_passes_the_venue_manager_policy()
    {
        var verdicts = new Dictionary<string, bool>();
        foreach (var (name, user) in Everyone())
        {
            verdicts[name] = await AllowsAsync(user, new VenueInput(_owned.VenueId), Policies.VenueManager);
        }

        Assert.Equal(new Dictionary<string, bool> { ["organizer"] = false, ["other organizer"] = false, ["venue manager"] = true, ["admin"] = true, ["attendee"] = false }, verdicts);
    }

    private IEnumerable<(string, User)> Everyone() =>
    [
        ("organizer", _users.Organizer), ("other organizer", _users.OtherOrganizer), ("venue manager", _users.Manager), ("admin", _users.Admin), ("attendee", _users.Attendee),
    ];

    /// <summary>Asks the Api's own authorization service, with the claims its access tokens carry.</summary>
    private async Task<bool> AllowsAsync(User user, object resource, string policy)
    {
        await using var scope = _api.Host.Services.CreateAsyncScope();
        var token = scope.ServiceProvider.GetRequiredService<AccessTokens>().Issue(user).Token;
        var claims = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).Claims;
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer", nameType: null, roleType: AccessTokens.RoleClaim));
        var result = await scope.ServiceProvider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(principal, resource, policy);
        return result.Succeeded;
    }

    private sealed record EventInput(int EventId) : IEventScoped;

    private sealed record VenueInput(int VenueId) : IVenueScoped;
}
