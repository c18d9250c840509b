using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TicketMaster.Api.Tests.Abuse;
using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.FrontDoor;

/// <summary>The front door's rate limits (ADR 0025) through the real Api, from distinct loopback addresses.</summary>
public sealed class RateLimitTests
{
    private const string Typename = "{ __typename }";
    private const string Logout = "mutation { logout(input: { refreshToken: \"not-a-refresh-token\" }) { errors { __typename } } }";

    [Fact]
    public async Task An_anonymous_address_past_its_allowance_gets_429_with_retry_after_and_another_address_is_served()
    {
        await using var api = await StartAsync(anonymous: 3, window: "00:01:00");
        using var attacker = ClientAddress.From(api.Host.ServerAddress, "127.0.0.2");
        using var bystander = ClientAddress.From(api.Host.ServerAddress, "127.0.0.3");

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await PostAsync(attacker, Typename);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await PostAsync(attacker, Typename);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("RATE_LIMITED", await ErrorCodeAsync(refused));

        using var served = await PostAsync(bystander, Typename);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("Query", (await served.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task A_refused_address_is_served_again_once_its_window_has_passed()
    {
        await using var api = await StartAsync(anonymous: 2, window: "00:00:02");
        using var client = ClientAddress.From(api.Host.ServerAddress, "127.0.0.4");
        (await PostAsync(client, Typename)).Dispose();
        (await PostAsync(client, Typename)).Dispose();
        using (var refused = await PostAsync(client, Typename))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        HttpStatusCode status;
        do
        {
            await Task.Delay(100);
            using var again = await PostAsync(client, Typename);
            status = again.StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task A_signed_in_accounts_mutations_are_counted_per_account_not_per_address()
    {
        await using var api = await StartAsync(anonymous: 100, window: "00:01:00", mutationsPerAccount: 2);
        using var http = ClientAddress.From(api.Host.ServerAddress, "127.0.0.5");
        var anonymous = new GraphQLClient(http);
        var first = await anonymous.RegisterBuyerAsync("ratefirst");
        var second = await anonymous.RegisterBuyerAsync("ratesecond");

        for (var i = 0; i < 2; i++)
        {
            using var ran = await PostAsync(http, Logout, first);
            Assert.Equal("InvalidRefreshTokenError", (await ran.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("logout").GetProperty("errors")[0].GetProperty("__typename").GetString());
        }

        using var refused = await PostAsync(http, Logout, first);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("RATE_LIMITED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(body.TryGetProperty("data", out _));

        // Queries are not mutations, and the other account on the same address has its own count.
        using var query = await PostAsync(http, Typename, first);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        using var other = await PostAsync(http, Logout, second);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(JsonValueKind.Object, (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("logout").ValueKind);
    }

    [Fact]
    public async Task A_signed_in_account_is_counted_by_account_so_its_address_stays_open_to_others()
    {
        await using var api = await StartAsync(anonymous: 100, window: "00:01:00", requestsPerAccount: 3);
        using var http = ClientAddress.From(api.Host.ServerAddress, "127.0.0.6");
        var token = await new GraphQLClient(http).RegisterBuyerAsync("rateaccount");

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await PostAsync(http, Typename, token);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await PostAsync(http, Typename, token);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("RATE_LIMITED", await ErrorCodeAsync(refused));

        using var anonymous = await PostAsync(http, Typename);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
    }

    private static Task<EmptyApi> StartAsync(int anonymous, string window, int mutationsPerAccount = 60, int requestsPerAccount = 100) => EmptyApi.StartAsync(new Dictionary<string, string?>
    {
        ["FrontDoor:RateLimits:Enabled"] = "true",
        ["FrontDoor:RateLimits:Window"] = window,
        ["FrontDoor:RateLimits:AnonymousRequestsPerAddress"] = anonymous.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["FrontDoor:RateLimits:RequestsPerAccount"] = requestsPerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["FrontDoor:RateLimits:MutationsPerAccount"] = mutationsPerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string query, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
}
