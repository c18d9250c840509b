using System.Text.Json;
using TicketMaster.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Events;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Performers;

namespace TicketMaster.Api.Tests.Abuse;

/// <summary>
/// Row 5 of issue #20, for the entry points that list events (by id, node/nodes and the streams are
/// Events/DraftVisibilityTests): a draft is in no list, nested list, search or suggestion, for any caller.
/// </summary>
public sealed class DraftLeakTests : IAsyncLifetime
{
    private const string Lists = """
        query($venue: ID!, $performer: ID!) {
          events(first: 50) { nodes { name } }
          venue: node(id: $venue) { ... on Venue { events(first: 50) { nodes { name } } } }
          performer: node(id: $performer) { ... on Performer { events(first: 50) { nodes { name } } } }
          searchEvents(term: "Zephyr") { nodes { event { name } } }
          suggestEvents(prefix: "Zephyr") { text event { name } }
        }
        """;

    private OrganizerScene _scene = null!;
    private int _performerId;

    public async Task InitializeAsync()
    {
        _scene = await OrganizerScene.StartAsync();
        _performerId = await _scene.InDatabaseAsync(async db =>
        {
            var performer = Performer.Create("Zephyr Quartet", "Strings.", "Classical");
            db.Add(performer);
            await db.SaveChangesAsync();
            var venue = await db.Venues.FindAsync(_scene.VenueId);
            await db.Entry(venue!).Collection(v => v.Sections).Query().Include(s => s.Rows).ThenInclude(r => r.Seats).LoadAsync();
            var open = TestData.Event(venue!, _scene.Organizer.Id, [performer.Id], "Zephyr Open Night");
            open.PutOnSale();
            db.AddRange(open, TestData.Event(venue!, _scene.Organizer.Id, [performer.Id], "Zephyr Secret Night"));
            await db.SaveChangesAsync();
            return performer.Id;
        });
    }

    public async Task DisposeAsync() => await _scene.DisposeAsync();

    [Fact]
    public async Task Row5_no_caller_finds_a_draft_in_lists_nested_lists_search_or_suggestions()
    {
        // The published twin shows up everywhere first, so an empty answer cannot pass for a hidden draft.
        var seen = await ListedNamesAsync(_scene.Anonymous);
        for (var deadline = DateTime.UtcNow.AddSeconds(30); seen.Count(n => n == "Zephyr Open Night") < 5 && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(100);
            seen = await ListedNamesAsync(_scene.Anonymous);
        }

        Assert.Equal(5, seen.Count(n => n == "Zephyr Open Night"));
        foreach (var (name, user) in _scene.Everyone)
        {
            var names = await ListedNamesAsync(_scene.ClientFor(user));
            Assert.True(!names.Contains("Zephyr Secret Night") && !names.Contains("Olga's Draft Night"), $"{name} sees a draft: {string.Join(", ", names)}");
        }

        Assert.DoesNotContain("Zephyr Secret Night", seen);
    }

    [Fact]
    public async Task Row5_the_multi_event_availability_stream_refuses_a_draft_to_everyone_but_its_organizer()
    {
        const string Stream = "subscription($ids: [ID!]!) { onEventAvailabilityChanged(eventIds: $ids) { availability { available } } }";
        var ids = new { ids = new[] { GlobalId.Encode("Event", _scene.DraftEventId) } };

        var attendee = await _scene.ClientFor(_scene.Attendee).FirstStreamedAsync(Stream, ids);
        var organizer = await _scene.ClientFor(_scene.Organizer).FirstStreamedAsync(Stream, ids);

        Assert.Equal("EVENT_NOT_FOUND", attendee.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(organizer.TryGetProperty("errors", out var errors), $"the organizer was refused: {errors}");
    }

    /// <summary>Every event name the five entry points answer with, one entry per appearance.</summary>
    private async Task<List<string>> ListedNamesAsync(GraphQLClient client)
    {
        var data = await client.DataAsync(Lists, new { venue = GlobalId.Encode("Venue", _scene.VenueId), performer = GlobalId.Encode("Performer", _performerId) });
        var names = new List<string>();
        names.AddRange(data.GetProperty("events").GetProperty("nodes").EnumerateArray().Select(e => e.GetProperty("name").GetString()!));
        names.AddRange(data.GetProperty("venue").GetProperty("events").GetProperty("nodes").EnumerateArray().Select(e => e.GetProperty("name").GetString()!));
        names.AddRange(data.GetProperty("performer").GetProperty("events").GetProperty("nodes").EnumerateArray().Select(e => e.GetProperty("name").GetString()!));
        names.AddRange(data.GetProperty("searchEvents").GetProperty("nodes").EnumerateArray().Select(h => h.GetProperty("event")).Where(e => e.ValueKind == JsonValueKind.Object).Select(e => e.GetProperty("name").GetString()!));
        names.AddRange(data.GetProperty("suggestEvents").EnumerateArray().Select(s => s.GetProperty("text").GetString()!));
        return names;
    }
}
