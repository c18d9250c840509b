using System.ComponentModel;
using GraphQL.Types;
using TicketMaster.GraphQL.Mutations;
using TicketMaster.Common;
using TicketMaster.Users;

namespace TicketMaster.Api.Users;

public static class AccountMutations
{
    public static void AddAccountMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<RegisterInput, SignedIn>("register")
            .Description("Creates an attendee account and returns an access token for it. Once per request (aliases are refused with `ONCE_PER_REQUEST`); refused registrations from one address are slowed down (`TooManyAttemptsError`).")
            .AllowAnonymous()
            .OncePerRequest()
            .Returns(SignedInFields)
            .Errors(typeof(DuplicateUsernameException), typeof(DuplicateEmailException), typeof(WeakPasswordException), typeof(InvalidFieldException), typeof(TooManyAttemptsException))
            .Resolve((input, ctx) => ctx.Service<CredentialThrottle>().RegisterAsync(ClientAddress(ctx), () =>
                ctx.Service<RegisterUser>().ExecuteAsync(input.Username, input.Email, input.Password, ctx.CancellationToken)));

        mutation.Mutation<LoginInput, SignedIn>("login")
            .Description("Signs in with a username or email and returns an access token. Once per request (aliases are refused with `ONCE_PER_REQUEST`); after a few wrong passwords from your address, `TooManyAttemptsError` says how long to wait.")
            .AllowAnonymous()
            .OncePerRequest()
            .Returns(SignedInFields)
            .Errors(typeof(InvalidCredentialsException), typeof(TooManyAttemptsException))
            .Resolve((input, ctx) => ctx.Service<CredentialThrottle>().LoginAsync(input.UsernameOrEmail, ClientAddress(ctx), () =>
                ctx.Service<LogIn>().ExecuteAsync(input.UsernameOrEmail, input.Password, ctx.CancellationToken)));
    }

    /// <summary>The peer's address (a reverse proxy must forward the client's; see docs/security.md).</summary>
    private static System.Net.IPAddress? ClientAddress(MutationContext ctx) =>
        ctx.Service<IHttpContextAccessor>().HttpContext?.Connection.RemoteIpAddress;

    private static void SignedInFields(PayloadType<SignedIn> payload) => payload
        .Field<UserType>("user", s => s.User, "The account you are signed in as.")
        .Field<StringGraphType>("accessToken", s => s.AccessToken, "Send it as `Authorization: Bearer <token>` on every request, or in `connection_init`'s payload on a WebSocket.")
        .Field<DateTimeGraphType>("expiresAt", s => s.ExpiresAt, "When the token stops working; log in again before then.");
}

[Description("The new account's username, email and password.")]
public sealed record RegisterInput(
    [property: Description("3 to 32 letters, digits, '.', '_' or '-'.")] string Username,
    [property: Description("Where tickets and receipts are sent; also a login name.")] string Email,
    [property: Description("At least 10 characters, not a common password, without your username or email.")] string Password);

[Description("Who you are and your password.")]
public sealed record LoginInput(
    [property: Description("Your username, or the email of your account.")] string UsernameOrEmail,
    [property: Description("Your password.")] string Password);
