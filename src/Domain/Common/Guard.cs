using System.ComponentModel;

namespace TicketMaster.Common;

/// <summary>Argument checks shared by the entities' factory methods.</summary>
internal static class Guard
{
    public static string NotBlank(string? value, string name, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidFieldException(name, "must not be empty");
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new InvalidFieldException(name, $"must be at most {maxLength} characters");
        }

        return trimmed;
    }

    public static DateTime Utc(DateTime value, string name) =>
        value.Kind == DateTimeKind.Utc ? value : throw new InvalidFieldException(name, "must be a UTC time");
}

[Description("An input field has a value that is not allowed; `field` names it and `problem` says why.")]
public sealed class InvalidFieldException(string field, string problem)
    : DomainException($"{field} {problem}.")
{
    [Description("The input field's name.")]
    public string Field { get; } = field;

    [Description("What is wrong with its value, as a phrase to show next to it.")]
    public string Problem { get; } = problem;
}
