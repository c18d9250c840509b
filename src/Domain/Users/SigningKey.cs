namespace TicketMaster.Users;

/// <summary>
/// A generated key of the access-token key ring (ADR 0023): it signs tokens from <see cref="ActiveFrom"/>
/// until <see cref="RetiresAt"/> and verifies them until the last one it signed has expired.
/// </summary>
/// <remarks>
/// The id is the start of its rotation period, so every instance that finds the period without a key
/// inserts the same primary key and all but one lose the race harmlessly.
/// </remarks>
public sealed class SigningKey
{
    public const int MaxIdLength = 32;
    public const int MaxSecretLength = 100;

    private SigningKey()
    {
    }

    public string Id { get; private set; } = "";

    /// <summary>Base64 HMAC-SHA256 key material (32 bytes).</summary>
    public string Secret { get; private set; } = "";

    public DateTime ActiveFrom { get; private set; }

    /// <summary>When the next period's key takes over signing.</summary>
    public DateTime RetiresAt { get; private set; }

    public static SigningKey Create(string id, byte[] secret, DateTime activeFrom, DateTime retiresAt) => new()
    {
        Id = id,
        Secret = Convert.ToBase64String(secret),
        ActiveFrom = activeFrom,
        RetiresAt = retiresAt,
    };
}
