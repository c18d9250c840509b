using TicketMaster.Common;

namespace TicketMaster.Users;

public sealed class User
{
    public const int MaxUsernameLength = 64;
    public const int MaxEmailLength = 254;

    private User()
    {
    }

    public int Id { get; internal set; }

    public string Username { get; private set; } = "";

    public string Email { get; private set; } = "";

    /// <summary>Upper-invariant email; the unique index on it makes emails unique regardless of case.</summary>
    public string NormalizedEmail { get; private set; } = "";

    public string PasswordHash { get; private set; } = "";

    public Role Roles { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static User Register(string username, string email, string passwordHash, DateTime now, Role roles = Role.Attendee)
    {
        var name = Guard.NotBlank(username, nameof(username), MaxUsernameLength);
        var address = Guard.NotBlank(email, nameof(email), MaxEmailLength);
        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != address.LastIndexOf('@') || at == address.Length - 1 || address.Any(char.IsWhiteSpace))
        {
            throw new InvalidFieldException(nameof(email), "is not an email address");
        }

        return new User
        {
            Username = name,
            Email = address,
            NormalizedEmail = NormalizeEmail(address),
            PasswordHash = passwordHash,
            Roles = roles == Role.None ? Role.Attendee : roles,
            CreatedAt = Guard.Utc(now, nameof(now)),
        };
    }

    public static string NormalizeEmail(string email) => email.Trim().ToUpperInvariant();

    public bool IsIn(Role role) => (Roles & role) == role;

    public void Grant(Role role) => Roles |= role;

    public void Revoke(Role role)
    {
        var remaining = Roles & ~role;
        Roles = remaining == Role.None ? Role.Attendee : remaining;
    }

    public void ChangePasswordHash(string passwordHash) => PasswordHash = passwordHash;
}
