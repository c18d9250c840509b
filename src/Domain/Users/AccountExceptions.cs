using System.ComponentModel;
using TicketMaster.Common;

namespace TicketMaster.Users;

[Description("Someone already has this username; choose another.")]
public sealed class DuplicateUsernameException(string username)
    : DomainException($"The username '{username}' is taken.")
{
    [Description("The username that is taken.")]
    public string Username { get; } = username;
}

[Description("An account with this email exists; log in instead.")]
public sealed class DuplicateEmailException(string email)
    : DomainException($"An account with the email '{email}' exists; log in instead.")
{
    [Description("The email that has an account.")]
    public string Email { get; } = email;
}

[Description("The password breaks the password policy; `problems` lists each rule broken.")]
public sealed class WeakPasswordException(IReadOnlyList<string> problems)
    : DomainException("The password is too weak: " + string.Join(" ", problems))
{
    [Description("Each rule broken, as a sentence to show.")]
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>Deliberately vague: it never says whether the account exists.</summary>
[Description("The username, email or password does not match an account. It never says which, so nobody can probe for accounts.")]
public sealed class InvalidCredentialsException()
    : DomainException("The username, email or password is not right.");

/// <summary>An access token for a user, issued by the Api's token service.</summary>
public sealed record AccessToken(string Token, DateTime ExpiresAt);

/// <summary>The port through which the account use cases sign a user in (JWTs in the Api).</summary>
public interface IAccessTokenIssuer
{
    AccessToken Issue(User user);
}

/// <summary>A signed-in user, the token that proves it and, from <c>login</c> and a refresh, the token that renews it.</summary>
public sealed record SignedIn(User User, string AccessToken, DateTime ExpiresAt, IssuedRefreshToken? Refresh = null)
{
    public static SignedIn With(User user, AccessToken token, IssuedRefreshToken? refresh = null) => new(user, token.Token, token.ExpiresAt, refresh);
}
