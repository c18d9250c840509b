using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.Users;

/// <summary>
/// Revokes the caller's refresh tokens: the sign-in one token belongs to, or every sign-in (<c>everywhere</c>).
/// Access tokens already issued work until they expire, which is why they are short-lived (ADR 0023).
/// </summary>
public sealed class LogOut(TicketMasterDbContext db, TimeProvider clock)
{
    /// <returns>How many refresh tokens stopped working.</returns>
    public async Task<int> ExecuteAsync(int userId, string? refreshToken, bool everywhere, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (everywhere)
        {
            return await db.Set<RefreshToken>().Where(t => t.UserId == userId && t.RevokedAt == null)
                .ExecuteUpdateAsync(t => t.SetProperty(r => r.RevokedAt, now), cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(refreshToken))
        {
            throw new Common.InvalidFieldException(nameof(refreshToken), "is required unless everywhere is true");
        }

        // Someone else's token reads as unknown: logout must not tell whether a value is a live token.
        var hash = RefreshToken.Hash(refreshToken);
        var familyId = await db.Set<RefreshToken>().Where(t => t.TokenHash == hash && t.UserId == userId).Select(t => (Guid?)t.FamilyId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidRefreshTokenException();
        return await RefreshAccessToken.RevokeFamilyAsync(db, familyId, now, cancellationToken);
    }
}
