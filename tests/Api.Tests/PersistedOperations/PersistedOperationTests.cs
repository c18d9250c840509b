using System.Net;
using static TicketMaster.Api.Tests.PersistedOperations.PersistedOperationsApi;

namespace TicketMaster.Api.Tests.PersistedOperations;

/// <summary>Hot Chocolate's persisted operation requests: an <c>id</c> instead of the document, over POST and GET.</summary>
public sealed class PersistedOperationTests(PersistedOperationsApi api) : IClassFixture<PersistedOperationsApi>
{
    [Fact]
    public async Task A_get_by_id_gets_the_same_answer_as_the_full_query()
    {
        var (_, full) = await PostAsync(api.Client, new { query = PerformerQuery, variables = new { id = api.PerformerId } });
        var variables = Uri.EscapeDataString($"{{\"id\":\"{api.PerformerId}\"}}");

        var (response, byId) = await GetAsync(api.Client, $"/graphql?id={PerformerQueryId}&variables={variables}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ólafur Arnalds", byId.GetProperty("data").GetProperty("performerById").GetProperty("name").GetString());
        Assert.Equal(full.GetRawText(), byId.GetRawText());
    }

    [Fact]
    public async Task A_get_by_id_is_what_a_cdn_may_cache()
    {
        var variables = Uri.EscapeDataString($"{{\"id\":\"{api.PerformerId}\"}}");

        var (response, _) = await GetAsync(api.Client, $"/graphql?id={PerformerQueryId}&variables={variables}");

        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.CacheControl.MaxAge);
    }

    [Fact]
    public async Task A_post_by_id_runs_the_stored_operation()
    {
        var (_, body) = await PostAsync(api.Client, new { id = PerformerQueryId, variables = new { id = api.PerformerId } });

        Assert.Equal("Ólafur Arnalds", body.GetProperty("data").GetProperty("performerById").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    public async Task An_unknown_id_gets_a_clear_error_and_no_data(string id)
    {
        var (response, body) = await GetAsync(api.Client, $"/graphql?id={id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("PERSISTED_OPERATION_NOT_FOUND", ErrorCode(body));
        Assert.False(body.TryGetProperty("data", out _));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task An_id_and_a_query_together_are_refused()
    {
        var (_, body) = await PostAsync(api.Client, new { id = PerformerQueryId, query = "{ __typename }" });

        Assert.Equal("INVALID_REQUEST", ErrorCode(body));
    }

    [Fact]
    public async Task A_request_with_neither_id_nor_query_is_refused()
    {
        var (response, body) = await PostAsync(api.Client, new { variables = new { id = "x" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_REQUEST", ErrorCode(body));
    }
}
