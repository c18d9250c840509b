namespace TicketMaster.Events;

/// <summary>The price tier of one venue section for one event.</summary>
public sealed class EventSectionPrice
{
    private EventSectionPrice()
    {
    }

    internal EventSectionPrice(Event @event, int sectionId, decimal price)
    {
        Event = @event;
        SectionId = sectionId;
        Price = price;
    }

    public int EventId { get; internal set; }

    public Event? Event { get; private set; }

    public int SectionId { get; private set; }

    public decimal Price { get; internal set; }
}
