using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Api.Users;
using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Api.Tests.Support;

/// <summary>
/// The selling side in miniature on an <see cref="EmptyApi"/>: two organizers, a venue manager,
/// an admin and an attendee; a venue the manager keeps and a draft event the first organizer owns.
/// Each person can be a signed-in GraphQL client or a principal for the Api's authorization service.
/// </summary>
public sealed class OrganizerScene : IAsyncDisposable
{
    private OrganizerScene(EmptyApi api) => Api = api;

    public EmptyApi Api { get; }

    public User Organizer { get; private set; } = null!;

    public User OtherOrganizer { get; private set; } = null!;

    public User Manager { get; private set; } = null!;

    public User Admin { get; private set; } = null!;

    public User Attendee { get; private set; } = null!;

    public int VenueId { get; private set; }

    public int DraftEventId { get; private set; }

    /// <summary>Everyone, by the name a failure message should show.</summary>
    public IReadOnlyList<(string Name, User User)> Everyone =>
        [("organizer", Organizer), ("other organizer", OtherOrganizer), ("venue manager", Manager), ("admin", Admin), ("attendee", Attendee)];

    public static async Task<OrganizerScene> StartAsync()
    {
        var scene = new OrganizerScene(await EmptyApi.StartAsync());
        await using var scope = scene.Api.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketMasterDbContext>();
        scene.Organizer = TestData.User("olga", Role.Organizer);
        scene.OtherOrganizer = TestData.User("otto", Role.Organizer);
        scene.Manager = TestData.User("vera", Role.VenueManager);
        scene.Admin = TestData.User("ada", Role.Admin);
        scene.Attendee = TestData.User("luna");
        db.Users.AddRange(scene.Organizer, scene.OtherOrganizer, scene.Manager, scene.Admin, scene.Attendee);
        await db.SaveChangesAsync();

        var venue = TestData.Venue(managerId: scene.Manager.Id);
        db.Venues.Add(venue);
        await db.SaveChangesAsync();
        var draft = TestData.Event(venue, organizerId: scene.Organizer.Id, name: "Olga's Draft Night");
        db.Events.Add(draft);
        await db.SaveChangesAsync();
        (scene.VenueId, scene.DraftEventId) = (venue.Id, draft.Id);
        return scene;
    }

    public GraphQLClient Anonymous => new(Api.Host.CreateHttpClient());

    /// <summary>A client signed in as <paramref name="user"/> with a token the Api itself issued.</summary>
    public GraphQLClient ClientFor(User user) => Anonymous.WithToken(TokenFor(user));

    /// <summary>The principal the Api builds from <paramref name="user"/>'s access token.</summary>
    public ClaimsPrincipal PrincipalFor(User user)
    {
        var claims = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(TokenFor(user)).Claims;
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer", nameType: null, roleType: AccessTokens.RoleClaim));
    }

    public async Task<T> InDatabaseAsync<T>(Func<TicketMasterDbContext, Task<T>> read)
    {
        await using var scope = Api.Host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<TicketMasterDbContext>());
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();

    public string TokenFor(User user) => Api.Host.Services.GetRequiredService<AccessTokens>().Issue(user).Token;
}
