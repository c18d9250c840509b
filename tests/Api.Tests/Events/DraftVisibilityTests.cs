using System.Text.Json;
using TicketMaster.Api.Tests.Support;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Users;

namespace TicketMaster.Api.Tests.Events;

/// <summary>
/// A draft is its organizer's business until it is published: no other caller reaches it by id,
/// through <c>node</c>/<c>nodes</c>, or by subscribing to its seats (ids are sequential, so guessing is easy).
/// </summary>
public sealed class DraftVisibilityTests : IAsyncLifetime
{
    private const string ById = """
        query($id: ID!) {
          eventById(id: $id) { name }
          node(id: $id) { id }
          nodes(ids: [$id]) { id }
        }
        """;

    private OrganizerScene _scene = null!;

    private string DraftId => GlobalId.Encode("Event", _scene.DraftEventId);

    public async Task InitializeAsync() => _scene = await OrganizerScene.StartAsync();

    public async Task DisposeAsync() => await _scene.DisposeAsync();

    [Fact]
    public async Task Only_the_organizer_and_admins_reach_a_draft_by_its_id()
    {
        var seen = new Dictionary<string, bool>();
        foreach (var (name, user) in _scene.Everyone)
        {
            seen[name] = await SeesDraftAsync(_scene.ClientFor(user));
        }

        seen["anonymous"] = await SeesDraftAsync(_scene.Anonymous);

        Assert.Equal(
            new Dictionary<string, bool> { ["organizer"] = true, ["other organizer"] = false, ["venue manager"] = false, ["admin"] = true, ["attendee"] = false, ["anonymous"] = false },
            seen);
    }

    [Fact]
    public async Task Nobody_but_its_organizer_can_subscribe_to_a_drafts_seats()
    {
        var anonymous = await FirstMessageAsync(null);
        var organizer = await FirstMessageAsync(_scene.Organizer);

        Assert.Equal("EVENT_NOT_FOUND", anonymous.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(0, organizer.GetProperty("data").GetProperty("onSeatAvailabilityChanged").GetProperty("version").GetInt64());
    }

    /// <summary>All three ways agree, or the test says which leaked.</summary>
    private async Task<bool> SeesDraftAsync(GraphQLClient client)
    {
        var data = await client.DataAsync<ByIdData>(ById, new { id = DraftId });
        var ways = new[] { data.EventById is not null, data.Node is not null, data.Nodes[0] is not null };
        Assert.True(ways.Distinct().Count() == 1, $"eventById, node and nodes disagree: {string.Join(", ", ways)}");
        return ways[0];
    }

    private Task<JsonElement> FirstMessageAsync(User? user) =>
        (user is null ? _scene.Anonymous : _scene.ClientFor(user))
            .FirstStreamedAsync("subscription($id: ID!) { onSeatAvailabilityChanged(eventId: $id) { version } }", new { id = DraftId });

    private sealed record ByIdData(Named? EventById, Node? Node, IReadOnlyList<Node?> Nodes);

    private sealed record Named(string Name);
}
