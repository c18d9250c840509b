using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace TicketMaster.Api.Users;

/// <summary>The key that signs new access tokens and the keys that verify them, by <c>kid</c>.</summary>
public interface IAccessTokenKeys
{
    SecurityKey Signing();

    /// <summary>The key a token's <c>kid</c> names, or null: the token is refused.</summary>
    SecurityKey? Find(string? keyId);
}

/// <summary>
/// <c>Auth:SigningKey</c>, or a random per-process key when none is configured and the ring is off.
/// Tokens without a <c>kid</c> (issued before ADR 0023) still verify with it.
/// </summary>
public sealed class ConfiguredAccessTokenKey(AuthOptions options) : IAccessTokenKeys
{
    public const string KeyId = "configured";

    private readonly SymmetricSecurityKey _key = new(options.SigningKey is { Length: > 0 } key ? Convert.FromBase64String(key) : RandomNumberGenerator.GetBytes(32))
    {
        KeyId = KeyId,
    };

    public SecurityKey Signing() => _key;

    public SecurityKey? Find(string? keyId) => keyId is null or KeyId ? _key : null;
}
