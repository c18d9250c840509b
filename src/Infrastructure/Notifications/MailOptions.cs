namespace TicketMaster.Notifications;

/// <summary>Bound from the <c>Mail</c> configuration section.</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>The sender every message shows.</summary>
    public string From { get; set; } = "TicketMaster <tickets@ticketmaster.local>";

    /// <summary>Where messages go as .eml files when no SMTP host is set (the embedded default); relative to the data directory.</summary>
    public string PickupDirectory { get; set; } = "mail";

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    /// <summary>Mail goes over SMTP when set; otherwise to <see cref="MailOptions.PickupDirectory"/>.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Auto (STARTTLS when offered), StartTls (required), SslOnConnect, or None.</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
