namespace TicketMaster.Events;

/// <summary>Join row of the event ⇄ performer many-to-many; billing order 1 is the headliner.</summary>
public sealed class EventPerformer
{
    private EventPerformer()
    {
    }

    internal EventPerformer(int eventId, int performerId, int billing)
    {
        EventId = eventId;
        PerformerId = performerId;
        Billing = billing;
    }

    public int EventId { get; internal set; }

    public int PerformerId { get; private set; }

    public int Billing { get; internal set; }
}
