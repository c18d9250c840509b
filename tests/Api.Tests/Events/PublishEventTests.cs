using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Events;
using TicketMaster.GraphQL.Authorization;
using TicketMaster.GraphQL.Relay;

namespace TicketMaster.Api.Tests.Events;

/// <summary>An organizer puts a draft on sale; nobody else can, and the change reaches lists and the search outbox.</summary>
public sealed class PublishEventTests : IAsyncLifetime
{
    private const string Publish = """
        mutation($id: ID!) {
          publishEvent(input: { eventId: $id }) {
            event { id name status }
            errors { __typename ... on Error { code message } ... on InvalidEventStatusTransitionError { eventId from to } }
          }
        }
        """;

    private OrganizerScene _scene = null!;

    private string EventId => GlobalId.Encode("Event", _scene.DraftEventId);

    public async Task InitializeAsync() => _scene = await OrganizerScene.StartAsync();

    public async Task DisposeAsync() => await _scene.DisposeAsync();

    [Fact]
    public async Task The_organizer_puts_the_draft_on_sale_and_it_is_listed_and_sent_to_search()
    {
        var before = await VisibleNamesAsync();

        var published = (await _scene.ClientFor(_scene.Organizer).DataAsync<PublishData>(Publish, new { id = EventId })).PublishEvent;

        Assert.Null(published.Errors);
        Assert.Equal(new PublishedEvent(EventId, "Olga's Draft Night", "ON_SALE"), published.Event);
        Assert.DoesNotContain("Olga's Draft Night", before);
        Assert.Contains("Olga's Draft Night", await VisibleNamesAsync());
        var key = _scene.DraftEventId.ToString(CultureInfo.InvariantCulture);
        Assert.True(await _scene.InDatabaseAsync(db => db.OutboxMessages.AnyAsync(m => m.AggregateId == key && m.Type != "EventScheduled")),
            "publishing wrote no outbox message, so the search index would never learn of it");
    }

    [Fact]
    public async Task Another_organizer_gets_a_not_authorized_error_and_the_event_stays_a_draft()
    {
        var refused = (await _scene.ClientFor(_scene.OtherOrganizer).DataAsync<PublishData>(Publish, new { id = EventId })).PublishEvent;

        Assert.Null(refused.Event);
        Assert.Equal(["NotAuthorizedError"], refused.Errors!.Select(e => e.Typename));
        Assert.Equal(FieldAuthorization.NotAuthorizedCode, refused.Errors![0].Code);
        Assert.Equal(EventStatus.Draft, await StatusAsync());
    }

    [Fact]
    public async Task An_anonymous_caller_is_told_to_log_in_and_the_event_stays_a_draft()
    {
        var codes = await _scene.Anonymous.ErrorCodesAsync(Publish, new { id = EventId });

        Assert.Equal([FieldAuthorization.NotAuthenticatedCode], codes);
        Assert.Equal(EventStatus.Draft, await StatusAsync());
    }

    [Fact]
    public async Task Publishing_twice_is_a_typed_error_naming_both_states()
    {
        var organizer = _scene.ClientFor(_scene.Organizer);
        await organizer.DataAsync<PublishData>(Publish, new { id = EventId });

        var again = (await organizer.DataAsync<PublishData>(Publish, new { id = EventId })).PublishEvent;

        var error = Assert.Single(again.Errors!);
        Assert.Equal(("InvalidEventStatusTransitionError", "INVALID_EVENT_STATUS_TRANSITION", EventId, "ON_SALE", "ON_SALE"), (error.Typename, error.Code, error.EventId, error.From, error.To));
    }

    [Fact]
    public async Task An_admin_may_publish_any_event()
    {
        var published = (await _scene.ClientFor(_scene.Admin).DataAsync<PublishData>(Publish, new { id = EventId })).PublishEvent;

        Assert.Equal("ON_SALE", published.Event?.Status);
    }

    private async Task<List<string>> VisibleNamesAsync() =>
        (await _scene.Anonymous.DataAsync<ListData>("{ events(first: 50) { nodes { name } } }")).Events.Nodes.Select(e => e.Name).ToList();

    private Task<EventStatus> StatusAsync() =>
        _scene.InDatabaseAsync(db => db.Events.Where(e => e.Id == _scene.DraftEventId).Select(e => e.Status).SingleAsync());

    private sealed record PublishData(PublishPayload PublishEvent);

    private sealed record PublishPayload(PublishedEvent? Event, IReadOnlyList<PublishError>? Errors);

    private sealed record PublishedEvent(string Id, string Name, string Status);

    private sealed record PublishError(
        [property: JsonPropertyName("__typename")] string Typename, string Code, string Message, string? EventId = null, string? From = null, string? To = null);

    private sealed record ListData(Connection<NamedEvent> Events);

    private sealed record NamedEvent(string Name);
}
