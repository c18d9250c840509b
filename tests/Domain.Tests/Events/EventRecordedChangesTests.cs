using TicketMaster.Common;
using TicketMaster.Events;
using TicketMaster.Outbox;

namespace TicketMaster.Domain.Tests.Events;

public sealed class EventRecordedChangesTests
{
    [Fact]
    public void Scheduling_and_each_status_move_record_what_search_must_learn()
    {
        var gig = TestData.Event(TestData.Venue().WithKeys());
        gig.AssignKey(42);

        gig.PutOnSale();
        gig.MarkSoldOut();
        gig.Cancel();

        Assert.Equal<IDomainEvent>(
            [
                new EventScheduled(42, 1, "Test Concert", TestData.Now.AddDays(30)),
                new EventStatusChanged(42, EventStatus.Draft, EventStatus.OnSale),
                new EventStatusChanged(42, EventStatus.OnSale, EventStatus.SoldOut),
                new EventStatusChanged(42, EventStatus.SoldOut, EventStatus.Cancelled),
            ],
            gig.DomainEvents);
    }

    [Fact]
    public void A_refused_transition_records_nothing_and_written_events_are_not_recorded_twice()
    {
        var draft = TestData.Event(TestData.Venue().WithKeys());
        draft.ClearDomainEvents();

        Assert.Throws<InvalidEventStatusTransitionException>(draft.MarkSoldOut);
        Assert.False(draft.HasDomainEvents);

        draft.ChangeSectionPrice(draft.Prices[0].SectionId, 95m);
        Assert.Equal<IDomainEvent>([new EventSectionPriceChanged(0, draft.Prices[0].SectionId, 95m)], draft.DomainEvents);
    }

    [Fact]
    public void The_outbox_payload_is_the_event_record_without_its_routing_members()
    {
        var message = OutboxMessage.From(new EventStatusChanged(7, EventStatus.OnSale, EventStatus.Cancelled), TestData.Now);

        Assert.Equal((OutboxMessageTypes.EventStatusChanged, "7"), (message.Type, message.AggregateId));
        Assert.Equal("""{"eventId":7,"from":1,"to":3}""", message.Payload);
        Assert.Equal(new EventStatusChanged(7, EventStatus.OnSale, EventStatus.Cancelled), message.ReadPayload<EventStatusChanged>());
    }
}
