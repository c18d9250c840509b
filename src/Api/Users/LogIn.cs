using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.GraphQL.Mutations;
using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Api.Users;

public sealed record LoginInput(string UsernameOrEmail, string Password);

/// <summary>
/// Signs a user in. An unknown account costs the same password hashing as a known one and gets
/// the same error, so neither the answer nor its timing tells whether the account exists.
/// </summary>
public sealed class LogIn(TicketMasterDbContext db, IPasswordHasher<User> hasher, AccessTokens tokens)
{
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<User>().HashPassword(null!, Guid.NewGuid().ToString()));

    public async Task<Payload<SignedIn>> ExecuteAsync(LoginInput input, CancellationToken cancellationToken)
    {
        var key = input.UsernameOrEmail.Trim();
        var normalizedEmail = User.NormalizeEmail(key);
        var user = key.Contains('@', StringComparison.Ordinal)
            ? await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken)
            : await db.Users.SingleOrDefaultAsync(u => u.Username == key, cancellationToken);

        var verdict = hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? DecoyHash.Value, input.Password);
        if (user is null || verdict == PasswordVerificationResult.Failed)
        {
            return Payload<SignedIn>.Fail(new InvalidCredentialsError());
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.ChangePasswordHash(hasher.HashPassword(user, input.Password));
            await db.SaveChangesAsync(cancellationToken);
        }

        var (token, expiresAt) = tokens.Issue(user);
        return Payload<SignedIn>.Ok(new SignedIn(user, token, expiresAt));
    }
}
