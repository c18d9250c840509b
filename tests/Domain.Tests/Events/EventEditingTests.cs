using TicketMaster.Common;
using TicketMaster.Events;

namespace TicketMaster.Domain.Tests.Events;

/// <summary>What an organizer may change, when, and what each change records for search and subscribers.</summary>
public sealed class EventEditingTests
{
    private static Event Gig()
    {
        var gig = TestData.Event(TestData.Venue().WithKeys());
        gig.AssignKey(7);
        gig.ClearDomainEvents();
        return gig;
    }

    [Fact]
    public void A_draft_takes_times_sales_opening_and_limits_and_checks_they_fit_together()
    {
        var gig = Gig();
        var start = gig.StartsAt;

        gig.Arrange(start.AddHours(3), start.AddHours(-1), start.AddDays(-20), 4, 8);

        Assert.Equal((start.AddHours(3), start.AddHours(-1), start.AddDays(-20), 4, 8), (gig.EndsAt, gig.DoorsAt, gig.OnSaleAt, gig.MaxTicketsPerOrder, gig.MaxTicketsPerAccount));
        Assert.Equal("endsAt", Assert.Throws<InvalidFieldException>(() => gig.Arrange(start.AddHours(-1), null, null, null, null)).Field);
        Assert.Equal("doorsAt", Assert.Throws<InvalidFieldException>(() => gig.Arrange(null, start.AddHours(1), null, null, null)).Field);
        Assert.Equal("onSaleAt", Assert.Throws<InvalidFieldException>(() => gig.Arrange(null, null, start, null, null)).Field);
        Assert.Equal("maxTicketsPerOrder", Assert.Throws<InvalidFieldException>(() => gig.Arrange(null, null, null, 9, 8)).Field);
        Assert.Equal("maxTicketsPerAccount", Assert.Throws<InvalidFieldException>(() => gig.Arrange(null, null, null, null, 101)).Field);
    }

    [Fact]
    public void Once_published_the_category_and_limits_are_fixed_but_name_and_line_up_change()
    {
        var gig = Gig();
        gig.PutOnSale();
        gig.ClearDomainEvents();

        var category = Assert.Throws<EventNotEditableException>(() => gig.ChangeCategory(EventCategory.Comedy));
        Assert.Throws<EventNotEditableException>(() => gig.Arrange(null, null, null, 2, 2));
        gig.Rename("Test Concert II", "Now with strings.");
        gig.ChangeLineup([3, 1]);

        Assert.Equal(("category", EventStatus.OnSale), (category.Field, category.Status));
        Assert.Equal(("Test Concert II", "Now with strings."), (gig.Name, gig.Description));
        Assert.Equal([(3, 1), (1, 2)], gig.Lineup.Select(l => (l.PerformerId, l.Billing)));
        Assert.Equal<IDomainEvent>([new EventListingChanged(7), new EventListingChanged(7)], gig.DomainEvents);
    }

    [Fact]
    public void Moving_a_published_event_records_a_reschedule_with_both_times()
    {
        var gig = Gig();
        gig.PutOnSale();
        gig.ClearDomainEvents();
        var (from, to) = (gig.StartsAt, gig.StartsAt.AddDays(7));

        gig.Reschedule(to, null, null, TestData.Now);

        Assert.Equal(to, gig.StartsAt);
        Assert.Equal<IDomainEvent>([new EventRescheduled(7, from, to, WasPublished: true)], gig.DomainEvents);
        Assert.Throws<EventInThePastException>(() => gig.Reschedule(TestData.Now.AddHours(-1), null, null, TestData.Now));
    }

    [Fact]
    public void A_cancelled_event_changes_nothing_more()
    {
        var gig = Gig();
        gig.Cancel();

        Assert.Throws<EventNotEditableException>(() => gig.Rename("Back on", ""));
        Assert.Throws<EventNotEditableException>(() => gig.Reschedule(gig.StartsAt.AddDays(1), null, null, TestData.Now));
        Assert.Throws<EventNotEditableException>(() => gig.ChangeLineup([]));
    }
}
