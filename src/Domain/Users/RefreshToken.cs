using System.Security.Cryptography;
using System.Text;

namespace TicketMaster.Users;

/// <summary>
/// One link of a refresh-token family (ADR 0023): what a mobile app trades for a new access token and
/// a new refresh token. Only the SHA-256 of the opaque value is stored, so a copy of the table signs nobody in.
/// </summary>
/// <remarks>
/// A family is one sign-in. Trading a token marks it <see cref="RotatedAt"/>; presenting a rotated token again
/// means two parties hold it (one of them a thief), so the whole family is revoked.
/// </remarks>
public sealed class RefreshToken
{
    public const int HashLength = 64;

    private RefreshToken()
    {
    }

    public long Id { get; private set; }

    public int UserId { get; private set; }

    public Guid FamilyId { get; private set; }

    /// <summary>Hex SHA-256 of the value handed to the client.</summary>
    public string TokenHash { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? RotatedAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    /// <summary>A new token in <paramref name="familyId"/>, and the value to hand out (never stored).</summary>
    public static (RefreshToken Row, string Value) Issue(int userId, Guid familyId, DateTime now, TimeSpan lifetime)
    {
        var value = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (new RefreshToken { UserId = userId, FamilyId = familyId, TokenHash = Hash(value), CreatedAt = now, ExpiresAt = now + lifetime }, value);
    }

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>How long a refresh token may wait to be traded (<c>Auth:RefreshTokenLifetime</c>).</summary>
public sealed record RefreshTokenPolicy(TimeSpan Lifetime);
