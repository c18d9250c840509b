using System.Net;
using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.Caching;

/// <summary>
/// The <c>Cache-Control</c> a response gets is computed from the <c>@cacheControl</c> hints of the
/// fields its operation reads, over real HTTP.
/// </summary>
public sealed class HttpCachingTests(CachingApi api) : IClassFixture<CachingApi>
{
    private const string PerformerQuery = "query Performer($id: ID!) { performerById(id: $id) { id name } }";

    [Fact]
    public async Task A_catalogue_query_may_be_cached_by_anyone_for_its_max_age()
    {
        using var response = await api.Client.SendAsync(CachingApi.Post(PerformerQuery, new { id = api.PerformerId }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=60", CachingApi.CacheControl(response));
        Assert.Contains("Authorization", response.Headers.Vary);
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task The_smallest_max_age_of_the_fields_read_wins()
    {
        using var response = await api.Client.SendAsync(CachingApi.Post(
            "{ performers(first: 5) { nodes { name } } events(first: 5) { nodes { name availability { available } } } }"));

        Assert.Equal("public, max-age=5", CachingApi.CacheControl(response));
    }

    [Fact]
    public async Task Search_results_are_cached_for_less_time_than_the_catalogue()
    {
        using var response = await api.Client.SendAsync(CachingApi.Post("{ performers(first: 1) { totalCount } suggestEvents(prefix: \"ni\") { text } }"));

        Assert.Equal("public, max-age=30", CachingApi.CacheControl(response));
        Assert.DoesNotContain("errors", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ __typename }")]
    [InlineData("{ me { username } }")]
    [InlineData("{ performers(first: 1) { totalCount } me { username } }")]
    [InlineData("{ __schema { queryType { name } } }")]
    public async Task Unannotated_and_user_specific_root_fields_are_never_stored(string query)
    {
        using var response = await api.Client.SendAsync(CachingApi.Post(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", CachingApi.CacheControl(response));
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task A_signed_in_caller_gets_a_private_response_even_for_the_catalogue()
    {
        var token = await new GraphQLClient(api.Client).RegisterBuyerAsync("cache");

        using var response = await api.Client.SendAsync(CachingApi.Post(PerformerQuery, new { id = api.PerformerId }, token));

        Assert.Equal("private, max-age=60", CachingApi.CacheControl(response));
    }

    [Fact]
    public async Task Mutations_are_never_stored()
    {
        using var response = await api.Client.SendAsync(CachingApi.Post(
            "mutation { login(input: { usernameOrEmail: \"nobody\", password: \"wrong password\" }) { errors { __typename } } }"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", CachingApi.CacheControl(response));
    }

    [Theory]
    [InlineData("{ performerById(id: \"not-an-id\") { name } }")]
    [InlineData("{ performers(first: 1) { noSuchField } }")]
    public async Task A_response_with_errors_is_never_stored(string query)
    {
        using var response = await api.Client.SendAsync(CachingApi.Post(query));

        Assert.Equal("no-store", CachingApi.CacheControl(response));
        Assert.Null(response.Headers.ETag);
    }
}
