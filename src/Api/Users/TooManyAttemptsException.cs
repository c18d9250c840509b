using System.ComponentModel;
using TicketMaster.Common;

namespace TicketMaster.Api.Users;

[Description("Too many failed attempts from your address (for this account, or in all); nothing was checked. Wait `retryAfter` seconds before trying again; the wait grows with every failure.")]
public sealed class TooManyAttemptsException(int retryAfter)
    : DomainException($"Too many failed attempts; try again in {retryAfter} seconds.")
{
    [Description("Seconds to wait before the next attempt can be checked.")]
    public int RetryAfter { get; } = retryAfter;
}
