using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.Search;

public sealed class SearchUnavailableTests
{
    [Fact]
    public async Task When_elasticsearch_does_not_answer_a_search_gets_a_code_to_retry_on_not_a_crash()
    {
        await using var api = await EmptyApi.StartAsync(new Dictionary<string, string?>
        {
            ["Search:Provider"] = "Elasticsearch",
            ["Search:ElasticsearchUrl"] = $"http://127.0.0.1:{ServerProcess.FreePort()}",
            ["Indexer:RunInApi"] = "false",
        });
        var client = new GraphQLClient(api.Host.CreateHttpClient());

        Assert.Equal(["SEARCH_UNAVAILABLE"], await client.ErrorCodesAsync("{ searchEvents(term: \"jazz\") { totalCount } }"));
        Assert.Equal(["SEARCH_UNAVAILABLE"], await client.ErrorCodesAsync("{ suggestEvents(prefix: \"ja\") { text } }"));
    }
}
