using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.Users;

/// <summary>
/// Trades a refresh token for a new access token and a new refresh token of the same family (rotation).
/// The trade is one conditional update, so of two requests presenting the same token only one wins; the
/// other, like any later reuse, revokes the family.
/// </summary>
public sealed class RefreshAccessToken(TicketMasterDbContext db, IAccessTokenIssuer tokens, RefreshTokenPolicy policy, TimeProvider clock)
{
    public async Task<SignedIn> ExecuteAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = RefreshToken.Hash(refreshToken);
        var presented = await db.Set<RefreshToken>().AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (presented is null || presented.RevokedAt is not null || presented.ExpiresAt <= now)
        {
            throw new InvalidRefreshTokenException();
        }

        var traded = presented.RotatedAt is null && await db.Set<RefreshToken>()
            .Where(t => t.Id == presented.Id && t.RotatedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(r => r.RotatedAt, now), cancellationToken) == 1;
        if (!traded)
        {
            await RevokeFamilyAsync(db, presented.FamilyId, now, cancellationToken);
            throw new RefreshTokenReusedException();
        }

        var user = await db.Users.SingleAsync(u => u.Id == presented.UserId, cancellationToken);
        var next = await IssueAsync(db, user.Id, presented.FamilyId, policy, now, cancellationToken);

        // A racing reuse may have revoked the family between our trade and the insert, missing the new token.
        if (await db.Set<RefreshToken>().AnyAsync(t => t.Id == presented.Id && t.RevokedAt != null, cancellationToken))
        {
            await RevokeFamilyAsync(db, presented.FamilyId, now, cancellationToken);
            throw new RefreshTokenReusedException();
        }

        return SignedIn.With(user, tokens.Issue(user), next);
    }

    /// <summary>Adds a refresh token to <paramref name="familyId"/> (a new one at login) and returns its value.</summary>
    internal static async Task<IssuedRefreshToken> IssueAsync(
        TicketMasterDbContext db, int userId, Guid familyId, RefreshTokenPolicy policy, DateTime now, CancellationToken cancellationToken)
    {
        var (row, value) = RefreshToken.Issue(userId, familyId, now, policy.Lifetime);
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedRefreshToken(value, row.ExpiresAt);
    }

    internal static Task<int> RevokeFamilyAsync(TicketMasterDbContext db, Guid familyId, DateTime now, CancellationToken cancellationToken) =>
        db.Set<RefreshToken>().Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(r => r.RevokedAt, now), cancellationToken);
}

/// <summary>A refresh token's value (shown once) and when it stops working.</summary>
public sealed record IssuedRefreshToken(string Token, DateTime ExpiresAt);
