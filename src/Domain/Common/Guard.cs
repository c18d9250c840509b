namespace TicketMaster.Common;

/// <summary>Argument checks shared by the entities' factory methods.</summary>
internal static class Guard
{
    public static string NotBlank(string? value, string name, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidValueException(name, "must not be empty");
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new InvalidValueException(name, $"must be at most {maxLength} characters");
        }

        return trimmed;
    }

    public static DateTime Utc(DateTime value, string name) =>
        value.Kind == DateTimeKind.Utc ? value : throw new InvalidValueException(name, "must be a UTC time");
}

public sealed class InvalidValueException(string name, string problem)
    : DomainException("INVALID_VALUE", $"{name} {problem}.")
{
    public string Name { get; } = name;
}
