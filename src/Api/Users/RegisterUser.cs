using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.GraphQL.Mutations;
using TicketMaster.Common;
using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Api.Users;

public sealed record RegisterInput(string Username, string Email, string Password);

/// <summary>A signed-in user and the token that proves it.</summary>
public sealed record SignedIn(User User, string AccessToken, DateTime ExpiresAt);

/// <summary>Creates an attendee account and signs it in.</summary>
public sealed partial class RegisterUser(TicketMasterDbContext db, IPasswordHasher<User> hasher, AccessTokens tokens, TimeProvider clock)
{
    public async Task<Payload<SignedIn>> ExecuteAsync(RegisterInput input, CancellationToken cancellationToken)
    {
        var username = input.Username.Trim();
        if (!UsernamePattern().IsMatch(username))
        {
            return Payload<SignedIn>.Fail(new InvalidFieldError("username", "use 3 to 32 letters, digits, '.', '_' or '-'."));
        }

        var problems = PasswordPolicy.Problems(input.Password, username, input.Email);
        if (problems.Count > 0)
        {
            return Payload<SignedIn>.Fail(new WeakPasswordError(problems));
        }

        User user;
        try
        {
            user = User.Register(username, input.Email, "", clock.GetUtcNow().UtcDateTime);
        }
        catch (InvalidValueException invalid)
        {
            return Payload<SignedIn>.Fail(new InvalidFieldError(invalid.Name, invalid.Message));
        }

        if (await DuplicateAsync(user, cancellationToken) is { } duplicate)
        {
            return Payload<SignedIn>.Fail(duplicate);
        }

        user.ChangePasswordHash(hasher.HashPassword(user, input.Password));
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another registration with the same name or email committed between check and insert.
            db.ChangeTracker.Clear();
            return Payload<SignedIn>.Fail(await DuplicateAsync(user, cancellationToken) ?? throw new InvalidOperationException("The account could not be saved."));
        }

        var (token, expiresAt) = tokens.Issue(user);
        return Payload<SignedIn>.Ok(new SignedIn(user, token, expiresAt));
    }

    private async Task<UserError?> DuplicateAsync(User user, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(u => u.Id != user.Id && u.NormalizedEmail == user.NormalizedEmail, cancellationToken))
        {
            return new DuplicateEmailError(user.Email);
        }

        return await db.Users.AnyAsync(u => u.Id != user.Id && u.Username == user.Username, cancellationToken)
            ? new DuplicateUsernameError(user.Username)
            : null;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{3,32}$")]
    private static partial Regex UsernamePattern();
}
