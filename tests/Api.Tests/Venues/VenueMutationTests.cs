using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Api.Tests.Support;
using TicketMaster.GraphQL.Authorization;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Api.Tests.Venues;

/// <summary>Venue managers open and correct their venues; admins hand venues over; nobody else changes a venue.</summary>
public sealed class VenueMutationTests : IAsyncLifetime
{
    private const string Create = """
        mutation($input: CreateVenueInput!) {
          createVenue(input: $input) {
            venue { id name city country timeZone latitude longitude }
            errors { __typename ... on Error { code message } ... on InvalidFieldError { field problem } }
          }
        }
        """;

    private const string Update = """
        mutation($input: UpdateVenueInput!) {
          updateVenue(input: $input) {
            venue { id name city country timeZone latitude longitude }
            errors { __typename ... on Error { code message } ... on InvalidFieldError { field problem } }
          }
        }
        """;

    private const string Assign = """
        mutation($venue: ID!, $user: ID!) {
          assignVenueManager(input: { venueId: $venue, userId: $user }) {
            venue { id name }
            errors { __typename ... on Error { code message } }
          }
        }
        """;

    private static readonly object Opera = new
    {
        name = "Harbour Opera", address = "5 Quay Street", city = "Hamburg", country = "DE", latitude = 53.54, longitude = 9.98, timeZone = "Europe/Berlin",
    };

    private OrganizerScene _scene = null!;
    private User _otherManager = null!;

    private string VenueId => GlobalId.Encode("Venue", _scene.VenueId);

    public async Task InitializeAsync()
    {
        _scene = await OrganizerScene.StartAsync();
        await using var scope = _scene.Api.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketMasterDbContext>();
        _otherManager = TestData.User("mara", Role.VenueManager);
        db.Users.Add(_otherManager);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _scene.DisposeAsync();

    [Fact]
    public async Task A_venue_manager_opens_a_venue_and_manages_it()
    {
        var created = (await _scene.ClientFor(_scene.Manager).DataAsync<CreateData>(Create, new { input = Opera })).CreateVenue;

        Assert.Null(created.Errors);
        Assert.Equal(("Harbour Opera", "Hamburg", "DE", "Europe/Berlin", 53.54, 9.98), (created.Venue!.Name, created.Venue.City, created.Venue.Country, created.Venue.TimeZone, created.Venue.Latitude, created.Venue.Longitude));
        var renamed = (await _scene.ClientFor(_scene.Manager).DataAsync<UpdateData>(Update, new { input = new { venueId = created.Venue.Id, name = "Harbour Opera House" } })).UpdateVenue;
        Assert.Equal("Harbour Opera House", renamed.Venue?.Name);
        Assert.Equal("Hamburg", renamed.Venue?.City);
    }

    [Theory]
    [InlineData("organizer")]
    [InlineData("attendee")]
    public async Task Callers_without_the_venue_manager_role_cannot_open_a_venue(string who)
    {
        var caller = who == "organizer" ? _scene.Organizer : _scene.Attendee;

        var refused = (await _scene.ClientFor(caller).DataAsync<CreateData>(Create, new { input = Opera })).CreateVenue;

        Assert.Null(refused.Venue);
        Assert.Equal(["NotAuthorizedError"], refused.Errors!.Select(e => e.Typename));
        Assert.Equal(1, await VenueCountAsync());
    }

    [Fact]
    public async Task An_anonymous_caller_is_told_to_log_in_and_no_venue_is_opened()
    {
        Assert.Equal([FieldAuthorization.NotAuthenticatedCode], await _scene.Anonymous.ErrorCodesAsync(Create, new { input = Opera }));
        Assert.Equal([FieldAuthorization.NotAuthenticatedCode], await _scene.Anonymous.ErrorCodesAsync(Update, new { input = new { venueId = VenueId, name = "Taken" } }));
        Assert.Equal(1, await VenueCountAsync());
    }

    [Theory]
    [InlineData("W. Europe Standard Time")]
    [InlineData("Mars/Olympus_Mons")]
    public async Task A_time_zone_that_is_not_IANA_is_a_typed_error_and_opens_nothing(string zone)
    {
        var input = new { name = "Nowhere Hall", address = "1 Void", city = "Berlin", country = "DE", latitude = 52.5, longitude = 13.4, timeZone = zone };

        var refused = (await _scene.ClientFor(_scene.Manager).DataAsync<CreateData>(Create, new { input })).CreateVenue;

        var error = Assert.Single(refused.Errors!);
        Assert.Equal(("InvalidFieldError", "INVALID_FIELD", "timeZone"), (error.Typename, error.Code, error.Field));
        Assert.Equal(1, await VenueCountAsync());
    }

    [Fact]
    public async Task A_latitude_out_of_range_is_a_typed_error_and_changes_nothing()
    {
        var refused = (await _scene.ClientFor(_scene.Manager).DataAsync<UpdateData>(Update, new { input = new { venueId = VenueId, name = "Moved Hall", latitude = 91.0 } })).UpdateVenue;

        Assert.Equal(("InvalidFieldError", "latitude"), (refused.Errors![0].Typename, refused.Errors[0].Field));
        Assert.Equal("Test Hall", await VenueNameAsync());
    }

    [Fact]
    public async Task A_manager_of_another_venue_cannot_change_this_one_but_an_admin_can()
    {
        var refused = (await _scene.ClientFor(_otherManager).DataAsync<UpdateData>(Update, new { input = new { venueId = VenueId, name = "Hijacked" } })).UpdateVenue;
        var allowed = (await _scene.ClientFor(_scene.Admin).DataAsync<UpdateData>(Update, new { input = new { venueId = VenueId, timeZone = "Europe/London" } })).UpdateVenue;

        Assert.Equal(["NotAuthorizedError"], refused.Errors!.Select(e => e.Typename));
        Assert.Null(allowed.Errors);
        Assert.Equal(("Test Hall", "Europe/London"), (allowed.Venue!.Name, allowed.Venue.TimeZone));
    }

    [Fact]
    public async Task Renaming_a_venue_tells_search_about_every_event_there()
    {
        await _scene.ClientFor(_scene.Manager).DataAsync<UpdateData>(Update, new { input = new { venueId = VenueId, name = "Test Hall East" } });

        var key = _scene.DraftEventId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await _scene.InDatabaseAsync(db => db.OutboxMessages.AnyAsync(m => m.AggregateId == key && m.Type == "EventListingChanged")),
            "the rename wrote no outbox row for the venue's event, so search would keep showing the old name");
    }

    [Fact]
    public async Task An_admin_hands_a_venue_to_another_manager_who_may_then_change_it_while_the_old_one_may_not()
    {
        var assigned = (await _scene.ClientFor(_scene.Admin).DataAsync<AssignData>(Assign, new { venue = VenueId, user = GlobalId.Encode("User", _otherManager.Id) })).AssignVenueManager;

        Assert.Null(assigned.Errors);
        var byNew = (await _scene.ClientFor(_otherManager).DataAsync<UpdateData>(Update, new { input = new { venueId = VenueId, city = "Potsdam" } })).UpdateVenue;
        var byOld = (await _scene.ClientFor(_scene.Manager).DataAsync<UpdateData>(Update, new { input = new { venueId = VenueId, city = "Spandau" } })).UpdateVenue;
        Assert.Equal("Potsdam", byNew.Venue?.City);
        Assert.Equal(["NotAuthorizedError"], byOld.Errors!.Select(e => e.Typename));
    }

    [Fact]
    public async Task Only_admins_assign_managers_and_only_to_venue_managers()
    {
        var byManager = (await _scene.ClientFor(_scene.Manager).DataAsync<AssignData>(Assign, new { venue = VenueId, user = GlobalId.Encode("User", _otherManager.Id) })).AssignVenueManager;
        var toAttendee = (await _scene.ClientFor(_scene.Admin).DataAsync<AssignData>(Assign, new { venue = VenueId, user = GlobalId.Encode("User", _scene.Attendee.Id) })).AssignVenueManager;

        Assert.Equal(["NotAuthorizedError"], byManager.Errors!.Select(e => e.Typename));
        Assert.Equal(["NotAVenueManagerError"], toAttendee.Errors!.Select(e => e.Typename));
        Assert.Equal(_scene.Manager.Id, await _scene.InDatabaseAsync(db => db.Venues.Where(v => v.Id == _scene.VenueId).Select(v => v.ManagerId).SingleAsync()));
    }

    private Task<int> VenueCountAsync() => _scene.InDatabaseAsync(db => db.Venues.CountAsync());

    private Task<string> VenueNameAsync() => _scene.InDatabaseAsync(db => db.Venues.Where(v => v.Id == _scene.VenueId).Select(v => v.Name).SingleAsync());

    private sealed record CreateData(VenuePayload CreateVenue);

    private sealed record UpdateData(VenuePayload UpdateVenue);

    private sealed record AssignData(AssignPayload AssignVenueManager);

    private sealed record VenuePayload(VenueView? Venue, IReadOnlyList<VenueError>? Errors);

    private sealed record AssignPayload(NamedVenue? Venue, IReadOnlyList<VenueError>? Errors);

    private sealed record VenueView(string Id, string Name, string City, string Country, string TimeZone, double Latitude, double Longitude);

    private sealed record NamedVenue(string Id, string Name);

    private sealed record VenueError(
        [property: JsonPropertyName("__typename")] string Typename, string Code, string Message, string? Field = null, string? Problem = null);
}
