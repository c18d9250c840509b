namespace TicketMaster.OrganizerWebhooks;

/// <summary>Bound from the <c>OrganizerWebhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "OrganizerWebhooks";

    /// <summary>
    /// Allows http and private, loopback and link-local targets. Development and tests only: in
    /// production it would let anyone make the server call into its own network (SSRF).
    /// </summary>
    public bool AllowLocalTargets { get; set; }

    /// <summary>How long a receiver has to answer before the attempt counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Endpoints one event may have.</summary>
    public int MaxEndpointsPerEvent { get; set; } = 5;
}
