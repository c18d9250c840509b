using TicketMaster.Events;

namespace TicketMaster.Domain.Tests.Events;

public sealed class EventStatusTests
{
    private static Event DraftEvent() => TestData.Event(TestData.Venue().WithKeys());

    [Fact]
    public void A_new_event_is_a_draft_until_put_on_sale()
    {
        var draft = DraftEvent();
        Assert.Equal(EventStatus.Draft, draft.Status);

        draft.PutOnSale();

        Assert.Equal(EventStatus.OnSale, draft.Status);
    }

    [Fact]
    public void Publishing_before_onSaleAt_announces_the_event_and_only_opening_sales_puts_it_on_sale()
    {
        var draft = DraftEvent();
        var now = draft.StartsAt.AddDays(-10);
        draft.Arrange(null, null, now.AddHours(1), null, null);

        draft.Publish(now);

        Assert.Equal(EventStatus.Announced, draft.Status);
        Assert.Throws<InvalidEventStatusTransitionException>(draft.PauseSales);
        draft.OpenSales();
        Assert.Equal(EventStatus.OnSale, draft.Status);
        Assert.Throws<InvalidEventStatusTransitionException>(draft.OpenSales);
    }

    [Fact]
    public void Publishing_at_or_after_onSaleAt_puts_the_event_on_sale_at_once()
    {
        var draft = DraftEvent();
        var now = draft.StartsAt.AddDays(-10);
        draft.Arrange(null, null, now, null, null);

        draft.Publish(now);

        Assert.Equal(EventStatus.OnSale, draft.Status);
    }

    [Fact]
    public void A_sold_out_event_goes_back_on_sale_when_seats_return()
    {
        var onSale = DraftEvent();
        onSale.PutOnSale();
        onSale.MarkSoldOut();

        onSale.ReopenSales();

        Assert.Equal(EventStatus.OnSale, onSale.Status);
    }

    [Fact]
    public void A_draft_cannot_sell_out()
    {
        var draft = DraftEvent();

        var error = Assert.Throws<InvalidEventStatusTransitionException>(draft.MarkSoldOut);

        Assert.Equal((EventStatus.Draft, EventStatus.SoldOut), (error.From, error.To));
        Assert.Equal(EventStatus.Draft, draft.Status);
    }

    [Fact]
    public void A_cancelled_event_is_final()
    {
        var cancelled = DraftEvent();
        cancelled.Cancel();

        Assert.Throws<InvalidEventStatusTransitionException>(cancelled.PutOnSale);
        Assert.Throws<InvalidEventStatusTransitionException>(cancelled.Cancel);
        Assert.Throws<InvalidEventStatusTransitionException>(() => cancelled.Complete(TestData.Now.AddYears(1)));
        Assert.Equal(EventStatus.Cancelled, cancelled.Status);
    }

    [Fact]
    public void An_event_completes_only_once_it_has_started()
    {
        var onSale = DraftEvent();
        onSale.PutOnSale();

        Assert.Throws<EventNotStartedException>(() => onSale.Complete(onSale.StartsAt.AddMinutes(-1)));
        onSale.Complete(onSale.StartsAt);

        Assert.Equal(EventStatus.Completed, onSale.Status);
    }

    [Fact]
    public void Prices_change_while_on_sale_but_are_fixed_once_the_event_is_cancelled()
    {
        var @event = DraftEvent();
        var stalls = @event.Prices[0].SectionId;
        @event.ChangeSectionPrice(stalls, 95m);
        @event.PutOnSale();
        @event.ChangeSectionPrice(stalls, 90m);
        @event.Cancel();

        Assert.Throws<EventNotEditableException>(() => @event.ChangeSectionPrice(stalls, 10m));
        Assert.Equal(90m, @event.PriceOf(stalls));
    }
}
