using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Api.Events;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Api.Users;
using TicketMaster.Api.Venues;
using TicketMaster.Users;

namespace TicketMaster.Api.Tests.Authorization;

/// <summary>
/// The named ownership policies, as the Api registers them, against rows in its real database:
/// the resource is what a mutation's input names (an event or a venue id).
/// </summary>
public sealed class OwnershipPolicyTests : IAsyncLifetime
{
    private OrganizerScene _scene = null!;

    public async Task InitializeAsync() => _scene = await OrganizerScene.StartAsync();

    public async Task DisposeAsync() => await _scene.DisposeAsync();

    [Fact]
    public async Task Only_the_events_organizer_or_an_admin_passes_the_event_organizer_policy()
    {
        var verdicts = await VerdictsAsync(new EventInput(_scene.DraftEventId), Policies.EventOrganizer);

        Assert.Equal(new Dictionary<string, bool> { ["organizer"] = true, ["other organizer"] = false, ["venue manager"] = false, ["admin"] = true, ["attendee"] = false }, verdicts);
        Assert.False(await AllowsAsync(_scene.Organizer, new EventInput(_scene.DraftEventId + 1000), Policies.EventOrganizer));
    }

    [Fact]
    public async Task Only_the_venues_manager_or_an_admin_passes_the_venue_manager_policy()
    {
        var verdicts = await VerdictsAsync(new VenueInput(_scene.VenueId), Policies.VenueManager);

        Assert.Equal(new Dictionary<string, bool> { ["organizer"] = false, ["other organizer"] = false, ["venue manager"] = true, ["admin"] = true, ["attendee"] = false }, verdicts);
    }

    private async Task<Dictionary<string, bool>> VerdictsAsync(object resource, string policy)
    {
        var verdicts = new Dictionary<string, bool>();
        foreach (var (name, user) in _scene.Everyone)
        {
            verdicts[name] = await AllowsAsync(user, resource, policy);
        }

        return verdicts;
    }

    /// <summary>Asks the Api's own authorization service, with the claims its access tokens carry.</summary>
    private async Task<bool> AllowsAsync(User user, object resource, string policy)
    {
        await using var scope = _scene.Api.Host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(_scene.PrincipalFor(user), resource, policy);
        return result.Succeeded;
    }

    private sealed record EventInput(int EventId) : IEventScoped;

    private sealed record VenueInput(int VenueId) : IVenueScoped;
}
