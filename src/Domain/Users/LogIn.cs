using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.Users;

/// <summary>
/// Signs a user in. An unknown account costs the same password hashing as a known one and gets
/// the same error, so neither the answer nor its timing tells whether the account exists.
/// </summary>
public sealed class LogIn(TicketMasterDbContext db, IPasswordHasher<User> hasher, IAccessTokenIssuer tokens, RefreshTokenPolicy refreshTokens, TimeProvider clock)
{
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<User>().HashPassword(null!, Guid.NewGuid().ToString()));

    public async Task<SignedIn> ExecuteAsync(string usernameOrEmail, string password, CancellationToken cancellationToken)
    {
        var key = usernameOrEmail.Trim();
        var normalizedEmail = User.NormalizeEmail(key);
        var user = key.Contains('@', StringComparison.Ordinal)
            ? await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken)
            : await db.Users.SingleOrDefaultAsync(u => u.Username == key, cancellationToken);

        var verdict = hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? DecoyHash.Value, password);
        if (user is null || verdict == PasswordVerificationResult.Failed)
        {
            throw new InvalidCredentialsException();
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.ChangePasswordHash(hasher.HashPassword(user, password));
        }

        // Each login starts a refresh-token family of its own: one sign-in, revoked as one.
        var refresh = await RefreshAccessToken.IssueAsync(db, user.Id, Guid.NewGuid(), refreshTokens, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return SignedIn.With(user, tokens.Issue(user), refresh);
    }
}
