using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Tests.Support;
using TicketMaster.GraphQL.Authorization;

namespace TicketMaster.Api.Tests.Performers;

/// <summary>Organizers add performers and edit their own; nobody else edits them.</summary>
public sealed class PerformerMutationTests : IAsyncLifetime
{
    private const string Create = """
        mutation($input: CreatePerformerInput!) {
          createPerformer(input: $input) {
            performer { id name genre description imageUrl }
            errors { __typename ... on Error { code message } ... on InvalidFieldError { field } }
          }
        }
        """;

    private const string Update = """
        mutation($input: UpdatePerformerInput!) {
          updatePerformer(input: $input) {
            performer { id name genre description imageUrl }
            errors { __typename ... on Error { code message } ... on InvalidFieldError { field } }
          }
        }
        """;

    private static readonly object Comets = new { name = "The Velvet Comets", genre = "Indie", description = "Indie rock from Leeds." };

    private OrganizerScene _scene = null!;

    public async Task InitializeAsync() => _scene = await OrganizerScene.StartAsync();

    public async Task DisposeAsync() => await _scene.DisposeAsync();

    [Fact]
    public async Task An_organizer_adds_a_performer_and_renames_it()
    {
        var organizer = _scene.ClientFor(_scene.Organizer);
        var created = (await organizer.DataAsync<CreateData>(Create, new { input = Comets })).CreatePerformer;

        var renamed = (await organizer.DataAsync<UpdateData>(Update, new { input = new { performerId = created.Performer!.Id, name = "Velvet Comets" } })).UpdatePerformer;

        Assert.Null(renamed.Errors);
        Assert.Equal(new PerformerView(created.Performer.Id, "Velvet Comets", "Indie", "Indie rock from Leeds.", null), renamed.Performer);
    }

    [Fact]
    public async Task Another_organizer_cannot_edit_it_but_an_admin_can()
    {
        var created = (await _scene.ClientFor(_scene.Organizer).DataAsync<CreateData>(Create, new { input = Comets })).CreatePerformer;
        var id = created.Performer!.Id;

        var foreign = (await _scene.ClientFor(_scene.OtherOrganizer).DataAsync<UpdateData>(Update, new { input = new { performerId = id, name = "Stolen" } })).UpdatePerformer;
        var admin = (await _scene.ClientFor(_scene.Admin).DataAsync<UpdateData>(Update, new { input = new { performerId = id, genre = "Indie rock" } })).UpdatePerformer;

        Assert.Equal(["NotAuthorizedError"], foreign.Errors!.Select(e => e.Typename));
        Assert.Equal(("The Velvet Comets", "Indie rock"), (admin.Performer!.Name, admin.Performer.Genre));
    }

    [Fact]
    public async Task Attendees_and_venue_managers_cannot_add_performers_and_anonymous_callers_are_told_to_log_in()
    {
        var attendee = (await _scene.ClientFor(_scene.Attendee).DataAsync<CreateData>(Create, new { input = Comets })).CreatePerformer;
        var manager = (await _scene.ClientFor(_scene.Manager).DataAsync<CreateData>(Create, new { input = Comets })).CreatePerformer;

        Assert.Equal(["NotAuthorizedError"], attendee.Errors!.Select(e => e.Typename));
        Assert.Equal(["NotAuthorizedError"], manager.Errors!.Select(e => e.Typename));
        Assert.Equal([FieldAuthorization.NotAuthenticatedCode], await _scene.Anonymous.ErrorCodesAsync(Create, new { input = Comets }));
        Assert.Equal(0, await _scene.InDatabaseAsync(db => db.Performers.CountAsync()));
    }

    [Fact]
    public async Task A_relative_image_url_is_a_typed_error_and_adds_nothing()
    {
        var refused = (await _scene.ClientFor(_scene.Organizer).DataAsync<CreateData>(Create, new { input = new { name = "Luna Vega", genre = "Pop", imageUrl = "luna.png" } })).CreatePerformer;

        Assert.Equal(("InvalidFieldError", "imageUrl"), (refused.Errors![0].Typename, refused.Errors[0].Field));
        Assert.Equal(0, await _scene.InDatabaseAsync(db => db.Performers.CountAsync()));
    }

    private sealed record CreateData(PerformerPayload CreatePerformer);

    private sealed record UpdateData(PerformerPayload UpdatePerformer);

    private sealed record PerformerPayload(PerformerView? Performer, IReadOnlyList<PerformerError>? Errors);

    private sealed record PerformerView(string Id, string Name, string Genre, string Description, string? ImageUrl);

    private sealed record PerformerError([property: JsonPropertyName("__typename")] string Typename, string Code, string Message, string? Field = null);
}
