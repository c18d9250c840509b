using System.ComponentModel;
using TicketMaster.Common;

namespace TicketMaster.Performers;

[Description("There is no performer with this id.")]
public sealed class PerformerNotFoundException(int performerId)
    : DomainException("There is no such performer.")
{
    [Description("The performer id that was asked for.")]
    public int PerformerId { get; } = performerId;
}
