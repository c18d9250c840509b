using System.Net;

namespace TicketMaster.Api.Tests.Caching;

/// <summary>A client revalidating a cached answer with <c>If-None-Match</c> gets a bodiless 304 while it is unchanged.</summary>
public sealed class ConditionalRequestTests(CachingApi api) : IClassFixture<CachingApi>
{
    private const string PerformerQuery = "query Performer($id: ID!) { performerById(id: $id) { id name genre } }";

    [Fact]
    public async Task A_post_with_the_current_etag_gets_304_without_a_body()
    {
        using var first = await api.Client.SendAsync(CachingApi.Post(PerformerQuery, new { id = api.PerformerId }));
        var etag = first.Headers.ETag!.ToString();

        using var again = await api.Client.SendAsync(CachingApi.Post(PerformerQuery, new { id = api.PerformerId }, ifNoneMatch: etag));

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag?.ToString());
        Assert.Equal("public, max-age=60", CachingApi.CacheControl(again));
    }

    [Fact]
    public async Task A_get_with_the_current_etag_gets_304()
    {
        var path = $"/graphql?query={Uri.EscapeDataString(PerformerQuery)}&variables={Uri.EscapeDataString($"{{\"id\":\"{api.PerformerId}\"}}")}";
        using var first = await api.Client.SendAsync(CachingApi.Get(path));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var again = await api.Client.SendAsync(CachingApi.Get(path, ifNoneMatch: first.Headers.ETag!.ToString()));

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task A_stale_etag_gets_the_full_answer()
    {
        using var response = await api.Client.SendAsync(CachingApi.Post(PerformerQuery, new { id = api.PerformerId }, ifNoneMatch: "\"an-older-answer\""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nils Frahm", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_query_does_not_match_the_etag_of_the_first()
    {
        using var first = await api.Client.SendAsync(CachingApi.Post(PerformerQuery, new { id = api.PerformerId }));

        using var other = await api.Client.SendAsync(CachingApi.Post("{ performers(first: 1) { totalCount } }", ifNoneMatch: first.Headers.ETag!.ToString()));

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.NotEqual(first.Headers.ETag, other.Headers.ETag);
    }
}
