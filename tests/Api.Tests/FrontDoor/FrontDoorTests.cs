using System.Net;
using System.Text;
using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.FrontDoor;

/// <summary>CORS for the configured origins and security headers on every response, over real HTTP.</summary>
public sealed class FrontDoorTests(FrontDoorTests.Api api) : IClassFixture<FrontDoorTests.Api>
{
    private const string Shop = "https://shop.example.com";

    [Fact]
    public async Task A_preflight_from_a_configured_origin_is_allowed()
    {
        using var preflight = Preflight(Shop);

        using var response = await api.Client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Shop, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
        Assert.Contains("authorization", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_preflight_from_another_origin_gets_no_permission()
    {
        using var preflight = Preflight("https://evil.example.net");

        using var response = await api.Client.SendAsync(preflight);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_query_from_a_configured_origin_may_be_read_by_its_page()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", Shop);

        using var response = await api.Client.SendAsync(request);

        Assert.Equal(Shop, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("ETag", string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/graphql?query=%7B__typename%7D")]
    [InlineData("/healthz")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var response = await api.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }

    public sealed class Api : IAsyncLifetime
    {
        private EmptyApi? _api;

        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _api = await EmptyApi.StartAsync(new Dictionary<string, string?>
            {
                ["Ide:Enabled"] = "false",
                ["GraphQL:Cors:Origins:0"] = Shop,
                ["GraphQL:Cors:Origins:1"] = "https://admin.example.com",
            });
            Client = _api.Host.CreateHttpClient();
        }

        public async Task DisposeAsync()
        {
            Client.Dispose();
            await _api!.DisposeAsync();
        }
    }
}
