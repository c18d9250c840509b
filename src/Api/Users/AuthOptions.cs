using System.Security.Cryptography;

namespace TicketMaster.Api.Users;

/// <summary>Bound from the <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// Base64 HMAC-SHA256 key (32+ bytes) that signs access tokens. Every Api instance behind one
    /// load balancer needs the same key; when unset, a random key is made at start and tokens
    /// die with the process.
    /// </summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "ticketmaster";

    public string Audience { get; set; } = "ticketmaster";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public byte[] SigningKeyBytes() => SigningKey is { Length: > 0 } key ? Convert.FromBase64String(key) : _generated.Value;

    private readonly Lazy<byte[]> _generated = new(() => RandomNumberGenerator.GetBytes(32));
}
