namespace TicketMaster.Api.Users;

/// <summary>
/// Refuses, at start, a signing key that would fail quietly later: an example key from the
/// repository (anyone can forge admin tokens with it), one shorter than HMAC-SHA256's 256 bits
/// (every login would fail with an internal error), or none outside Development with the database's key
/// ring switched off (a random key per process signs everyone out at every restart and splits a
/// load-balanced fleet; ADR 0023).
/// </summary>
public static class SigningKeyCheck
{
    public const int MinBytes = 32;

    /// <summary>Every key ever written in the repository (docker-compose.yml shipped this one); a test keeps the list complete.</summary>
    public static readonly IReadOnlySet<string> ExampleKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "c2V0LWEtcmFuZG9tLTMyLWJ5dGUta2V5LWluLXByb2R1Y3Rpb24h",
    };

    /// <summary>Why the key cannot be used, or null when it can.</summary>
    public static string? Problem(string? key, bool isDevelopment, bool keyRingEnabled = false)
    {
        const string Fix = "Set Auth:SigningKey (Auth__SigningKey) to a random Base64 key of 32 bytes or more, the same on every Api instance, e.g. `openssl rand -base64 32`.";
        if (string.IsNullOrWhiteSpace(key))
        {
            return isDevelopment || keyRingEnabled
                ? null
                : "Auth:SigningKey is not set and Auth:KeyRing:Enabled is false; outside Development a random per-process key would sign everyone out at every restart. Leave the key ring on (the default) or " + Fix;
        }

        if (ExampleKeys.Contains(key.Trim()))
        {
            return "Auth:SigningKey is an example key from the repository; anyone could forge tokens with it. " + Fix;
        }

        var bytes = new byte[key.Length];
        if (!Convert.TryFromBase64String(key.Trim(), bytes, out var length))
        {
            return "Auth:SigningKey is not Base64. " + Fix;
        }

        return length < MinBytes ? $"Auth:SigningKey has {length * 8} bits; HMAC-SHA256 needs at least {MinBytes * 8}. " + Fix : null;
    }
}
