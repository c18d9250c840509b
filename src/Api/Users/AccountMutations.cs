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

        // The refresh token is the credential (the access token may have expired), so anyone may present one.
        mutation.Mutation<RefreshAccessTokenInput, SignedIn>("refreshAccessToken")
            .Description("Trades the refresh token from `login` (or from the last refresh) for a new access token and a new refresh token; the one you sent stops working. Sending a token that was already traded revokes every token of that sign-in (`RefreshTokenReusedError`): keep only the newest.")
            .AllowAnonymous()
            .Returns(SignedInFields)
            .Errors(typeof(InvalidRefreshTokenException), typeof(RefreshTokenReusedException))
            .Resolve((input, ctx) => ctx.Service<RefreshAccessToken>().ExecuteAsync(input.RefreshToken, ctx.CancellationToken));

        mutation.Mutation<LogoutInput, int>("logout")
            .Description("Revokes your refresh tokens: the sign-in `refreshToken` belongs to, or, with `everywhere: true`, every sign-in of your account. Access tokens already issued keep working until their `expiresAt` (at most `Auth:AccessTokenLifetime`); the app should forget them.")
            .Authorize()
            .Returns(payload => payload.Field<IntGraphType>("revokedCount", n => n, "How many refresh tokens stopped working (0 when they already had); null when `errors` is set."))
            .Errors(typeof(InvalidRefreshTokenException), typeof(InvalidFieldException))
            .Resolve((input, ctx) => ctx.Service<LogOut>().ExecuteAsync(ctx.UserId(), input.RefreshToken, input.Everywhere ?? false, ctx.CancellationToken));
    }

    /// <summary>The peer's address (a reverse proxy must forward the client's; see docs/security.md).</summary>
    private static System.Net.IPAddress? ClientAddress(MutationContext ctx) =>
        ctx.Service<IHttpContextAccessor>().HttpContext?.Connection.RemoteIpAddress;

    private static void SignedInFields(PayloadType<SignedIn> payload) => payload
        .Field<UserType>("user", s => s.User, "The account you are signed in as.")
        .Field<StringGraphType>("accessToken", s => s.AccessToken, "Send it as `Authorization: Bearer <token>` on every request, or in `connection_init`'s payload on a WebSocket.")
        .Field<DateTimeGraphType>("expiresAt", s => s.ExpiresAt, "When the access token stops working; trade `refreshToken` for a new one (`refreshAccessToken`) or log in again before then.")
        .Field<StringGraphType>("refreshToken", s => s.Refresh?.Token, "From `login` and `refreshAccessToken` (null from `register`): keep it in the device's secure storage and send it to `refreshAccessToken` for a new access token. Shown once; each one works once.")
        .Field<DateTimeGraphType>("refreshTokenExpiresAt", s => s.Refresh?.ExpiresAt, "When `refreshToken` stops working if it is not traded; null when there is none.");
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

[Description("The refresh token to trade.")]
public sealed record RefreshAccessTokenInput(
    [property: Description("The newest `refreshToken` you received from `login` or `refreshAccessToken`.")] string RefreshToken);

[Description("Which sign-ins to end.")]
public sealed record LogoutInput(
    [property: Description("The refresh token of the sign-in to end (this device's). Required unless `everywhere` is true.")] string? RefreshToken,
    [property: Description("True ends every sign-in of your account, on every device; default false.")] bool? Everywhere);
