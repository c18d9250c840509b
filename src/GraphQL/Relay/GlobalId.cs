using System.Globalization;
using System.Text;
using GraphQL;

namespace TicketMaster.GraphQL.Relay;

/// <summary>
/// Relay global ids in Hot Chocolate 14's format: Base64 of <c>TypeName:key</c>, so clients that
/// decode ids the Hot Chocolate way keep working.
/// </summary>
public static class GlobalId
{
    public static string Encode(string typeName, int key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{typeName}:{key.ToString(CultureInfo.InvariantCulture)}"));

    public static string Encode(string typeName, Guid key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{typeName}:{key:N}"));

    /// <summary>Splits an id into type name and key, or returns false when it is not one of ours.</summary>
    public static bool TryDecode(string? id, out string typeName, out string key)
    {
        (typeName, key) = ("", "");
        if (string.IsNullOrEmpty(id) || id.Length > 200)
        {
            return false;
        }

        var bytes = new byte[id.Length];
        if (!Convert.TryFromBase64String(id, bytes, out var length))
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        (typeName, key) = (text[..colon], text[(colon + 1)..]);
        return true;
    }

    /// <summary>The Guid key of an id that must name <paramref name="typeName"/>; a typed error otherwise.</summary>
    public static Guid DecodeGuid(string? id, string typeName)
    {
        if (!TryDecode(id, out var actualType, out var key) || !Guid.TryParseExact(key, "N", out var value))
        {
            throw new InvalidIdError(id, typeName);
        }

        return actualType == typeName ? value : throw new InvalidIdError(id, typeName, actualType);
    }

    /// <summary>The int key of an id that must name <paramref name="typeName"/>; a typed error otherwise.</summary>
    public static int DecodeInt(string? id, string typeName)
    {
        if (!TryDecode(id, out var actualType, out var key) || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new InvalidIdError(id, typeName);
        }

        return actualType == typeName ? value : throw new InvalidIdError(id, typeName, actualType);
    }
}

/// <summary>An id argument that is malformed or names another type.</summary>
public sealed class InvalidIdError : ExecutionError
{
    public InvalidIdError(string? id, string expectedType, string? actualType = null)
        : base(actualType is null
            ? $"'{id}' is not a valid {expectedType} id."
            : $"'{id}' is the id of {Article(actualType)}, not of {Article(expectedType)}.")
    {
        Code = "INVALID_ID";
    }

    private static string Article(string noun) => ("AEIOU".Contains(noun[0], StringComparison.OrdinalIgnoreCase) ? "an " : "a ") + noun;
}
