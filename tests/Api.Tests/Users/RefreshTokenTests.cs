using System.Text.Json;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Tests.Users;

/// <summary>
/// ADR 0023 through the real endpoint: <c>login</c> hands out a refresh token, <c>refreshAccessToken</c>
/// rotates it, presenting a traded token again ends the whole sign-in, and <c>logout</c> revokes one
/// sign-in or all of them, only the caller's own.
/// </summary>
public sealed class RefreshTokenTests
{
    private const string Password = "correct horse battery staple";

    private const string Login = """
        mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken refreshTokenExpiresAt errors { __typename } } }
        """;

    private const string Refresh = """
        mutation($input: RefreshAccessTokenInput!) {
          refreshAccessToken(input: $input) { user { username } accessToken refreshToken errors { __typename ... on Error { message } } }
        }
        """;

    private const string Logout = """
        mutation($input: LogoutInput!) { logout(input: $input) { revokedCount errors { __typename ... on Error { message } } } }
        """;

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task A_refresh_rotates_the_token_and_reusing_a_traded_one_ends_the_sign_in(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, "refresh");
        await using var api = await ApiHost.StartAsync(Settings(database));
        var client = new GraphQLClient(api.CreateHttpClient());
        var name = await RegisterAsync(client, "rot");
        var first = await LoginAsync(client, name);
        Assert.True(first.GetProperty("refreshTokenExpiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(29));

        var rotated = (await client.DataAsync(Refresh, Input(first.GetProperty("refreshToken").GetString()))).GetProperty("refreshAccessToken");
        Assert.Equal(JsonValueKind.Null, rotated.GetProperty("errors").ValueKind);
        Assert.Equal(name, await MeAsync(client, rotated.GetProperty("accessToken").GetString()!));
        Assert.NotEqual(first.GetProperty("refreshToken").GetString(), rotated.GetProperty("refreshToken").GetString());

        // A thief replays the traded token: refused, and the sign-in ends for the rightful holder too.
        Assert.Equal("RefreshTokenReusedError", await RefreshErrorAsync(client, first.GetProperty("refreshToken").GetString()!));
        Assert.Equal("InvalidRefreshTokenError", await RefreshErrorAsync(client, rotated.GetProperty("refreshToken").GetString()!));

        // Another sign-in of the same account is untouched.
        var other = await LoginAsync(client, name);
        Assert.Null(await RefreshErrorAsync(client, other.GetProperty("refreshToken").GetString()!));
        Assert.Equal("InvalidRefreshTokenError", await RefreshErrorAsync(client, "not-a-token"));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task Of_several_refreshes_racing_with_one_token_at_most_one_wins_and_the_sign_in_ends(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, "refreshrace");
        await using var api = await ApiHost.StartAsync(Settings(database));
        var client = new GraphQLClient(api.CreateHttpClient());
        var token = (await LoginAsync(client, await RegisterAsync(client, "race"))).GetProperty("refreshToken").GetString()!;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => RefreshErrorAsync(client, token)));

        // One trade wins (unless a loser's revocation overtook it); late losers find the sign-in already ended.
        Assert.True(outcomes.Count(outcome => outcome is null) <= 1, string.Join(", ", outcomes));
        Assert.Contains("RefreshTokenReusedError", outcomes);
        Assert.All(outcomes.Where(outcome => outcome is not null), outcome => Assert.Contains(outcome, new[] { "RefreshTokenReusedError", "InvalidRefreshTokenError" }));
        await using var db = database.CreateContext();
        Assert.All(db.RefreshTokens.ToList(), row => Assert.NotNull(row.RevokedAt));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task Logout_revokes_only_the_callers_own_sign_ins_and_refuses_anonymous_callers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, "logout");
        await using var api = await ApiHost.StartAsync(Settings(database));
        var client = new GraphQLClient(api.CreateHttpClient());
        var alice = await RegisterAsync(client, "alice");
        var mallory = await RegisterAsync(client, "mallory");
        var phone = await LoginAsync(client, alice);
        var laptop = await LoginAsync(client, alice);
        var phoneToken = phone.GetProperty("refreshToken").GetString()!;
        var asAlice = client.WithToken(phone.GetProperty("accessToken").GetString()!);
        var asMallory = client.WithToken((await LoginAsync(client, mallory)).GetProperty("accessToken").GetString()!);

        Assert.Contains("AUTH_NOT_AUTHENTICATED", await client.ErrorCodesAsync(Logout, new { input = new { refreshToken = phoneToken } }));
        Assert.Equal("InvalidRefreshTokenError", await LogoutErrorAsync(asMallory, new { refreshToken = phoneToken }));
        Assert.Equal("InvalidFieldError", await LogoutErrorAsync(asAlice, new { everywhere = false }));
        Assert.Null(await RefreshErrorAsync(client, laptop.GetProperty("refreshToken").GetString()!));

        // Mallory's attempt revoked nothing: Alice's phone sign-in is still there to end.

        var one = (await asAlice.DataAsync(Logout, new { input = new { refreshToken = phoneToken } })).GetProperty("logout");
        Assert.Equal(1, one.GetProperty("revokedCount").GetInt32());
        Assert.Equal("InvalidRefreshTokenError", await RefreshErrorAsync(client, phoneToken));

        var second = await LoginAsync(client, alice);
        var everywhere = (await asAlice.DataAsync(Logout, new { input = new { everywhere = true } })).GetProperty("logout");
        Assert.True(everywhere.GetProperty("revokedCount").GetInt32() >= 2);
        Assert.Equal("InvalidRefreshTokenError", await RefreshErrorAsync(client, second.GetProperty("refreshToken").GetString()!));
    }

    private static Dictionary<string, string?> Settings(TestDatabase database) =>
        new(database.AppSettings) { ["DemoData:Size"] = "None", ["Auth:Throttle:Enabled"] = "false" };

    private static object Input(string? refreshToken) => new { input = new { refreshToken } };

    private static async Task<string> RegisterAsync(GraphQLClient client, string prefix)
    {
        var name = GraphQLClient.UniqueName(prefix);
        await client.DataAsync(
            "mutation($input: RegisterInput!) { register(input: $input) { accessToken } }",
            new { input = new { username = name, email = $"{name}@example.com", password = Password } });
        return name;
    }

    private static async Task<JsonElement> LoginAsync(GraphQLClient client, string name)
    {
        var login = (await client.DataAsync(Login, new { input = new { usernameOrEmail = name, password = Password } })).GetProperty("login");
        Assert.Equal(JsonValueKind.Null, login.GetProperty("errors").ValueKind);
        return login;
    }

    /// <summary>The error's type name, or null when the token was traded for new ones.</summary>
    private static async Task<string?> RefreshErrorAsync(GraphQLClient client, string token)
    {
        var payload = (await client.DataAsync(Refresh, Input(token))).GetProperty("refreshAccessToken");
        if (payload.GetProperty("errors").ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("accessToken").ValueKind);
        return payload.GetProperty("errors")[0].GetProperty("__typename").GetString();
    }

    private static async Task<string?> LogoutErrorAsync(GraphQLClient caller, object input)
    {
        var payload = (await caller.DataAsync(Logout, new { input })).GetProperty("logout");
        return payload.GetProperty("errors").ValueKind == JsonValueKind.Null ? null : payload.GetProperty("errors")[0].GetProperty("__typename").GetString();
    }

    private static async Task<string?> MeAsync(GraphQLClient client, string accessToken) =>
        (await client.WithToken(accessToken).DataAsync("{ me { username } }")).GetProperty("me").GetProperty("username").GetString();
}
