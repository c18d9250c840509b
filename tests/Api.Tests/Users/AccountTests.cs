using System.Text.Json.Serialization;
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

        Assert.Null(payload.Errors);
        Assert.NotNull(payload.AccessToken);
        Assert.Equal(["ATTENDEE"], payload.User?.Roles);
        var me = (await catalog.Client.WithToken(payload.AccessToken).DataAsync<MeData<Me>>("{ me { username email } }")).Me;
        Assert.Equal((name, $"{name}@example.com"), (me?.Username, me?.Email));
        Assert.Null((await catalog.Client.DataAsync<MeData<UsernameOnly>>("{ me { username } }")).Me);
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
            Assert.Equal(name, payload.User?.Username);
            Assert.NotNull(payload.AccessToken);
            Assert.Equal(name, (await catalog.Client.WithToken(payload.AccessToken).DataAsync<MeData<UsernameOnly>>("{ me { username } }")).Me?.Username);
        }
    }

    [SkippableFact]
    public async Task A_taken_username_or_email_is_a_typed_error_and_creates_nothing()
    {
        var name = Unique("dup");
        await RegisterAsync(name, $"{name}@example.com", Password);

        var sameName = await RegisterAsync(name, $"other-{name}@example.com", "another long passphrase");
        var sameEmail = await RegisterAsync($"{name}2", $"{name.ToUpperInvariant()}@Example.com", "another long passphrase");

        Assert.Equal(("DuplicateUsernameError", name), (sameName.Errors?[0].Typename, sameName.Errors?[0].Username));
        Assert.Equal("DuplicateEmailError", sameEmail.Errors?[0].Typename);
        Assert.Null(sameEmail.User);
        Assert.Equal("InvalidCredentialsError", (await LoginAsync($"{name}2", "another long passphrase")).Errors?[0].Typename);
        Assert.Equal(name, (await LoginAsync(name, Password)).User?.Username);
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

        Assert.Equal("WeakPasswordError", payload.Errors?[0].Typename);
        Assert.NotEmpty(payload.Errors?[0].Problems ?? []);
        Assert.Equal("InvalidCredentialsError", (await LoginAsync(name, password)).Errors?[0].Typename);
    }

    [SkippableTheory]
    [InlineData("x", "ok@example.com", "username")]
    [InlineData("has space", "ok@example.com", "username")]
    [InlineData("validname", "not-an-email", "email")]
    public async Task Malformed_usernames_and_emails_are_invalid_fields(string username, string email, string field)
    {
        var payload = await RegisterAsync(username == "validname" ? Unique("v") : username, email, Password);

        Assert.Equal(("InvalidFieldError", field), (payload.Errors?[0].Typename, payload.Errors?[0].Field));
    }

    [SkippableFact]
    public async Task A_wrong_password_and_an_unknown_account_get_the_same_answer()
    {
        var name = Unique("enum");
        await RegisterAsync(name, $"{name}@example.com", Password);

        var wrongPassword = await LoginAsync(name, "not the password at all");
        var unknownAccount = await LoginAsync(Unique("ghost"), "not the password at all");

        Assert.Equivalent(wrongPassword, unknownAccount, strict: true);
        Assert.Equal("InvalidCredentialsError", wrongPassword.Errors?[0].Typename);
    }

    [SkippableFact]
    public async Task A_user_node_is_visible_to_its_owner_only_and_a_forged_token_signs_nobody_in()
    {
        var alice = await RegisterAsync(Unique("alice"), $"{Unique("alice")}@example.com", Password);
        var bob = await RegisterAsync(Unique("bob"), $"{Unique("bob")}@example.com", Password);
        Assert.NotNull(alice.AccessToken);
        Assert.NotNull(bob.AccessToken);
        var aliceId = alice.User?.Id;
        const string NodeQuery = "query($id: ID!) { node(id: $id) { id } }";

        var own = await catalog.Client.WithToken(alice.AccessToken).DataAsync<NodeData>(NodeQuery, new { id = aliceId });
        var others = await catalog.Client.WithToken(bob.AccessToken).DataAsync<NodeData>(NodeQuery, new { id = aliceId });
        var forged = await catalog.Client.WithToken(alice.AccessToken[..^4] + "AAAA").DataAsync<MeData<Node>>("{ me { id } }");

        Assert.Equal(aliceId, own.Node?.Id);
        Assert.Null(others.Node);
        Assert.Null(forged.Me);
    }

    private async Task<RegisterPayload> RegisterAsync(string username, string email, string password) =>
        (await catalog.Client.DataAsync<RegisterData>(Register, new { input = new { username, email, password } })).Register;

    private async Task<LoginPayload> LoginAsync(string usernameOrEmail, string password) =>
        (await catalog.Client.DataAsync<LoginData>(Login, new { input = new { usernameOrEmail, password } })).Login;

    private static string Unique(string prefix) => GraphQLClient.UniqueName(prefix);

    private sealed record RegisterData(RegisterPayload Register);

    private sealed record RegisterPayload(User? User, string? AccessToken, DateTimeOffset? ExpiresAt, IReadOnlyList<AccountError>? Errors);

    private sealed record User(string Id, string Username, string Email, IReadOnlyList<string> Roles);

    /// <summary>Every error of the register and login unions, with the fields its members add.</summary>
    private sealed record AccountError(
        [property: JsonPropertyName("__typename")] string Typename,
        string Message,
        string? Username = null,
        string? Email = null,
        IReadOnlyList<string>? Problems = null,
        string? Field = null);

    private sealed record LoginData(LoginPayload Login);

    private sealed record LoginPayload(UsernameOnly? User, string? AccessToken, IReadOnlyList<AccountError>? Errors);

    private sealed record MeData<T>(T? Me)
        where T : class;

    private sealed record Me(string Username, string Email);

    private sealed record UsernameOnly(string Username);

    private sealed record NodeData(Node? Node);
}
