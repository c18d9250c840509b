namespace TicketMaster.Api.Users;

/// <summary>Bound from the <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// Base64 HMAC-SHA256 key (32+ bytes) that signs access tokens. Every Api instance behind one
    /// load balancer needs the same key. When unset, the database's key ring signs (<see cref="KeyRing"/>),
    /// or, with the ring off (Development only), a random per-process key that dies with the process.
    /// </summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "ticketmaster";

    public string Audience { get; set; } = "ticketmaster";

    /// <summary>Short, because a signed access token cannot be revoked; apps renew it with a refresh token (ADR 0023).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a refresh token from <c>login</c> or <c>refreshAccessToken</c> can wait to be traded.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    public KeyRingOptions KeyRing { get; set; } = new();

    /// <summary>Whether the database's key ring signs: no key configured and the ring on.</summary>
    public bool UsesKeyRing => string.IsNullOrWhiteSpace(SigningKey) && KeyRing.Enabled;
}

/// <summary><c>Auth:KeyRing</c>: generated signing keys kept in the database (ADR 0023).</summary>
public sealed class KeyRingOptions
{
    /// <summary>On by default: with no <c>Auth:SigningKey</c>, every instance on one database shares its generated keys.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long one generated key signs before the next takes over; old keys still verify until their tokens expire.</summary>
    public TimeSpan RotateAfter { get; set; } = TimeSpan.FromDays(30);
}
