using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Common;
using TicketMaster.Persistence;

namespace TicketMaster.Users;

/// <summary>Creates an attendee account and signs it in.</summary>
public sealed partial class RegisterUser(TicketMasterDbContext db, IPasswordHasher<User> hasher, IAccessTokenIssuer tokens, TimeProvider clock)
{
    public async Task<SignedIn> ExecuteAsync(string username, string email, string password, CancellationToken cancellationToken)
    {
        username = username.Trim();
        if (!UsernamePattern().IsMatch(username))
        {
            throw new InvalidFieldException("username", "use 3 to 32 letters, digits, '.', '_' or '-'");
        }

        var problems = PasswordPolicy.Problems(password, username, email);
        if (problems.Count > 0)
        {
            throw new WeakPasswordException(problems);
        }

        var user = User.Register(username, email, "", clock.GetUtcNow().UtcDateTime);
        await ThrowIfDuplicateAsync(user, cancellationToken);
        user.ChangePasswordHash(hasher.HashPassword(user, password));
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another registration with the same name or email committed between check and insert.
            db.ChangeTracker.Clear();
            await ThrowIfDuplicateAsync(user, cancellationToken);
            throw;
        }

        return SignedIn.With(user, tokens.Issue(user));
    }

    private async Task ThrowIfDuplicateAsync(User user, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(u => u.Id != user.Id && u.NormalizedEmail == user.NormalizedEmail, cancellationToken))
        {
            throw new DuplicateEmailException(user.Email);
        }

        if (await db.Users.AnyAsync(u => u.Id != user.Id && u.Username == user.Username, cancellationToken))
        {
            throw new DuplicateUsernameException(user.Username);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{3,32}$")]
    private static partial Regex UsernamePattern();
}
