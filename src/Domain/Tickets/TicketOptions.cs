namespace TicketMaster.Tickets;

/// <summary>Bound from the <c>Tickets</c> configuration section.</summary>
public sealed class TicketOptions
{
    public const string SectionName = "Tickets";

    /// <summary>
    /// <c>Tickets:SigningKeys:0:Id</c> / <c>:Secret</c> (base64, at least 32 bytes): the first signs,
    /// all verify. Empty in the embedded default: a key generated once is kept in <see cref="KeyFile"/>.
    /// Several Api instances must be given the same keys.
    /// </summary>
    public List<SigningKeyOptions> SigningKeys { get; set; } = [];

    /// <summary>The generated key's file when no keys are configured; relative paths are under the data directory.</summary>
    public string KeyFile { get; set; } = "ticket-signing-key";
}

public sealed class SigningKeyOptions
{
    public string Id { get; set; } = "";

    public string Secret { get; set; } = "";
}
