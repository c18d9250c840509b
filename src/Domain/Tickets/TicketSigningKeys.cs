using System.Text.RegularExpressions;

namespace TicketMaster.Tickets;

/// <summary>One HMAC key for ticket codes; its id travels in every code it signs.</summary>
public sealed partial record TicketSigningKey
{
    public const int MinimumSecretBytes = 32;

    public TicketSigningKey(string id, byte[] secret)
    {
        if (!KeyId().IsMatch(id))
        {
            throw new ArgumentException($"A ticket signing key id is 1 to 16 letters, digits, '-' or '_', not '{id}'.", nameof(id));
        }

        if (secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException($"Ticket signing key '{id}' has {secret.Length} bytes; it needs at least {MinimumSecretBytes}.", nameof(secret));
        }

        (Id, Secret) = (id, secret);
    }

    public string Id { get; }

    public byte[] Secret { get; }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,16}$")]
    private static partial Regex KeyId();
}

/// <summary>
/// The key ring: the first key signs new codes, every key verifies. Rotation is adding a key in
/// front and dropping the old one once no event its codes were issued for is still to come.
/// </summary>
public sealed class TicketSigningKeys
{
    private readonly Dictionary<string, TicketSigningKey> _byId;

    public TicketSigningKeys(IReadOnlyList<TicketSigningKey> keys)
    {
        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one ticket signing key is needed.", nameof(keys));
        }

        Current = keys[0];
        _byId = keys.ToDictionary(k => k.Id, StringComparer.Ordinal);
    }

    public TicketSigningKey Current { get; }

    public TicketSigningKey? Find(string id) => _byId.GetValueOrDefault(id);
}
