using System.Net;
using TicketMaster.Outbox;
using TicketMaster.Performers;

namespace TicketMaster.Api.Tests.Caching;

/// <summary>
/// Public GET operations are answered from the server's output cache until their <c>maxAge</c>, or
/// until the outbox records a change to what they show.
/// </summary>
public sealed class ResponseCacheTests(CachingApi api) : IClassFixture<CachingApi>
{
    [Fact]
    public async Task Two_identical_gets_are_one_execution_and_one_cache_hit()
    {
        var path = Get("{ performers(first: 50) { totalCount nodes { name } } }");
        using var first = await api.Client.SendAsync(CachingApi.Get(path));
        var before = await first.Content.ReadAsStringAsync();
        await AddPerformerAsync();

        using var second = await api.Client.SendAsync(CachingApi.Get(path));

        // The new performer is not there: the second answer came from the cache, not the database.
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(before, await second.Content.ReadAsStringAsync());
        Assert.Equal("public, max-age=60", CachingApi.CacheControl(second));
    }

    [Fact]
    public async Task A_signed_in_get_and_a_post_are_never_served_from_the_cache()
    {
        const string query = "{ venues(first: 5) { totalCount } }";
        using var warm = await api.Client.SendAsync(CachingApi.Get(Get(query)));

        using var signedIn = await api.Client.SendAsync(CachingApi.Get(Get(query), token: "not-even-a-valid-token"));
        using var post = await api.Client.SendAsync(CachingApi.Post(query));

        Assert.Null(signedIn.Headers.Age);
        Assert.Null(post.Headers.Age);
    }

    [Fact]
    public async Task An_event_change_in_the_outbox_evicts_cached_event_pages()
    {
        var path = Get($"{{ events(first: 5) {{ totalCount }} e{Guid.NewGuid():N}: __typename }}");
        using var first = await api.Client.SendAsync(CachingApi.Get(path));
        using (var hit = await api.Client.SendAsync(CachingApi.Get(path)))
        {
            Assert.NotNull(hit.Headers.Age);
        }

        await using (var db = api.OpenDatabase())
        {
            db.OutboxMessages.Add(OutboxMessage.Create(OutboxMessageTypes.EventListingChanged, "1", new { eventId = 1 }, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        // Evicted within the eviction interval (2 s): poll for a fresh answer, with a deadline.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            using var answer = await api.Client.SendAsync(CachingApi.Get(path));
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            if (answer.Headers.Age is null)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "The cached answer was not evicted after the outbox recorded an event change.");
            await Task.Delay(100);
        }
    }

    private static string Get(string query) => $"/graphql?query={Uri.EscapeDataString(query)}";

    private async Task AddPerformerAsync()
    {
        await using var db = api.OpenDatabase();
        db.Performers.Add(Performer.Create($"Cached {Guid.NewGuid():N}"[..20], "Not yet seen.", "Jazz"));
        await db.SaveChangesAsync();
    }
}
