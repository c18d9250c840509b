namespace TicketMaster.Users;

/// <summary>
/// NIST SP 800-63B style: length over composition rules, and no password anyone would guess
/// first: zxcvbn's estimator (dictionaries of common passwords, names and words, l33t, dates,
/// keyboard patterns) must rate it at least <see cref="MinStrength"/> of 4. Pure, so it is
/// unit-testable; returns every problem at once so a form can show them.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    /// <summary>zxcvbn's 3: "safely unguessable", about 10^8 guesses or more.</summary>
    public const int MinStrength = 3;

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password123", "1234567890", "12345678910", "qwertyuiop", "0123456789", "password1!", "iloveyou123", "letmein123",
        "1q2w3e4r5t", "qwerty12345", "abcdefghij", "welcome123", "administrator", "passw0rd123", "football123", "trustno1234",
    };

    public static IReadOnlyList<string> Problems(string password, string username, string email)
    {
        var problems = new List<string>();
        if (password.Length < MinLength)
        {
            problems.Add($"Use at least {MinLength} characters.");
        }

        if (password.Length > MaxLength)
        {
            problems.Add($"Use at most {MaxLength} characters.");
        }

        if (password.Distinct().Count() < 4)
        {
            problems.Add("Use at least four different characters.");
        }

        if (Common.Contains(password))
        {
            problems.Add("This password is among the most common ones; choose another.");
        }
        else if (password.Length is >= MinLength and <= MaxLength && Zxcvbn.Zxcvbn.MatchPassword(password, [username, email, "ticketmaster"]).Score < MinStrength)
        {
            problems.Add($"Too easy to guess (strength rule: at least {MinStrength} of 4 on the zxcvbn estimate): avoid common words, names, dates and keyboard patterns, or add words.");
        }

        var localPart = email.Split('@')[0];
        if ((username.Length >= 3 && password.Contains(username, StringComparison.OrdinalIgnoreCase)) ||
            (localPart.Length >= 3 && password.Contains(localPart, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add("Do not use your username or email in the password.");
        }

        return problems;
    }
}
