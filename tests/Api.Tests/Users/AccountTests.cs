using System.Text.Json;
using TicketMaster.Api.Tests.Catalog;
using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests;

/// <summary>register, login and me through the real endpoint, with real tokens.</summary>
public abstract class AccountTests(CatalogFixture catalog)
{
    private const string Register = """
        mutation($input: RegisterInput!) {
          register(input: $input) {
            user { id username email roles }
            accessToken
            expiresAt
            errors {
              __typename
              ... on Error { message }
              ... on DuplicateUsernameError { username }
              ... on DuplicateEmailError { email }
              ... on WeakPasswordError { problems }
              ... on InvalidFieldError { field }
            }
          }
        }
        """;

    private const string Login = """
        mutation($input: LoginInput!) {
          login(input: $input) { user { username } accessToken errors { __typename ... on Error { message } } }
        }
        """;

    private const string Password = "correct horse battery staple";

    [SkippableFact]
    public async Task Registering_returns_a_token_that_signs_the_caller_in()
    {
        var name = Unique("reg");

        var payload = await RegisterAsync(name, $"{name}@example.com", Password);

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("errors").ValueKind);
        Assert.Equal(["ATTENDEE"], payload.GetProperty("user").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var me = (await catalog.Client.WithToken(payload.GetProperty("accessToken").GetString()!).DataAsync("{ me { username email } }")).GetProperty("me");
        Assert.Equal((name, $"{name}@example.com"), (me.GetProperty("username").GetString(), me.GetProperty("email").GetString()));
        Assert.Equal(JsonValueKind.Null, (await catalog.Client.DataAsync("{ me { username } }")).GetProperty("me").ValueKind);
    }

    [SkippableFact]
    public async Task Logging_in_works_with_the_username_or_the_email_in_any_case()
    {
        var name = Unique("login");
        await RegisterAsync(name, $"{name}@example.com", Password);

        var byName = await LoginAsync(name, Password);
        var byEmail = await LoginAsync($"{name.ToUpperInvariant()}@EXAMPLE.com", Password);

        foreach (var payload in new[] { byName, byEmail })
        {
            Assert.Equal(name, payload.GetProperty("user").GetProperty("username").GetString());
            var token = payload.GetProperty("accessToken").GetString()!;
            Assert.Equal(name, (await catalog.Client.WithToken(token).DataAsync("{ me { username } }")).GetProperty("me").GetProperty("username").GetString());
        }
    }

    [SkippableFact]
    public async Task A_taken_username_or_email_is_a_typed_error_and_creates_nothing()
    {
        var name = Unique("dup");
        await RegisterAsync(name, $"{name}@example.com", Password);

        var sameName = await RegisterAsync(name, $"other-{name}@example.com", "another long passphrase");
        var sameEmail = await RegisterAsync($"{name}2", $"{name.ToUpperInvariant()}@Example.com", "another long passphrase");

        Assert.Equal(("DuplicateUsernameError", name), (ErrorType(sameName), sameName.GetProperty("errors")[0].GetProperty("username").GetString()));
        Assert.Equal("DuplicateEmailError", ErrorType(sameEmail));
        Assert.Equal(JsonValueKind.Null, sameEmail.GetProperty("user").ValueKind);
        Assert.Equal("InvalidCredentialsError", ErrorType(await LoginAsync($"{name}2", "another long passphrase")));
        Assert.Equal(name, (await LoginAsync(name, Password)).GetProperty("user").GetProperty("username").GetString());
    }

    [SkippableTheory]
    [InlineData("short")]
    [InlineData("aaaaaaaaaaaaaa")]
    [InlineData("password123")]
    [InlineData("my name is {0}!")]
    public async Task A_weak_password_is_refused_with_the_reasons(string password)
    {
        var name = Unique("weak");

        var payload = await RegisterAsync(name, $"{name}@example.com", string.Format(System.Globalization.CultureInfo.InvariantCulture, password, name));

        Assert.Equal("WeakPasswordError", ErrorType(payload));
        Assert.NotEmpty(payload.GetProperty("errors")[0].GetProperty("problems").EnumerateArray());
        Assert.Equal("InvalidCredentialsError", ErrorType(await LoginAsync(name, password)));
    }

    [SkippableTheory]
    [InlineData("x", "ok@example.com", "username")]
    [InlineData("has space", "ok@example.com", "username")]
    [InlineData("validname", "not-an-email", "email")]
    public async Task Malformed_usernames_and_emails_are_invalid_fields(string username, string email, string field)
    {
        var payload = await RegisterAsync(username == "validname" ? Unique("v") : username, email, Password);

        Assert.Equal(("InvalidFieldError", field), (ErrorType(payload), payload.GetProperty("errors")[0].GetProperty("field").GetString()));
    }

    [SkippableFact]
    public async Task A_wrong_password_and_an_unknown_account_get_the_same_answer()
    {
        var name = Unique("enum");
        await RegisterAsync(name, $"{name}@example.com", Password);

        var wrongPassword = await LoginAsync(name, "not the password at all");
        var unknownAccount = await LoginAsync(Unique("ghost"), "not the password at all");

        Assert.Equal(wrongPassword.GetRawText(), unknownAccount.GetRawText());
        Assert.Equal("InvalidCredentialsError", ErrorType(wrongPassword));
    }

    [SkippableFact]
    public async Task A_user_node_is_visible_to_its_owner_only_and_a_forged_token_signs_nobody_in()
    {
        var alice = await RegisterAsync(Unique("alice"), $"{Unique("alice")}@example.com", Password);
        var bob = await RegisterAsync(Unique("bob"), $"{Unique("bob")}@example.com", Password);
        var aliceId = alice.GetProperty("user").GetProperty("id").GetString();
        var aliceToken = alice.GetProperty("accessToken").GetString()!;
        const string NodeQuery = "query($id: ID!) { node(id: $id) { id } }";

        var own = await catalog.Client.WithToken(aliceToken).DataAsync(NodeQuery, new { id = aliceId });
        var others = await catalog.Client.WithToken(bob.GetProperty("accessToken").GetString()!).DataAsync(NodeQuery, new { id = aliceId });
        var forged = await catalog.Client.WithToken(aliceToken[..^4] + "AAAA").DataAsync("{ me { id } }");

        Assert.Equal(aliceId, own.GetProperty("node").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, others.GetProperty("node").ValueKind);
        Assert.Equal(JsonValueKind.Null, forged.GetProperty("me").ValueKind);
    }

    private async Task<JsonElement> RegisterAsync(string username, string email, string password) =>
        (await catalog.Client.DataAsync(Register, new { input = new { username, email, password } })).GetProperty("register");

    private async Task<JsonElement> LoginAsync(string usernameOrEmail, string password) =>
        (await catalog.Client.DataAsync(Login, new { input = new { usernameOrEmail, password } })).GetProperty("login");

    private static string ErrorType(JsonElement payload) => payload.GetProperty("errors")[0].GetProperty("__typename").GetString()!;

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..20];
}
