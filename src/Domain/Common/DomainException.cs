namespace TicketMaster.Common;

/// <summary>
/// A broken business rule. Every subclass carries a stable <see cref="Code"/> that the API
/// surfaces as <c>extensions.code</c>, so clients can branch on it without parsing messages.
/// </summary>
public abstract class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
