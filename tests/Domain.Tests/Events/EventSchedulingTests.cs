using TicketMaster.Common;
using TicketMaster.Events;

namespace TicketMaster.Domain.Tests.Events;

public sealed class EventSchedulingTests
{
    [Fact]
    public void Scheduling_needs_a_price_for_every_section()
    {
        var venue = TestData.Venue().WithKeys();
        var onlyStalls = new Dictionary<int, decimal> { [venue.Sections[0].Id] = 80m };

        var error = Assert.Throws<MissingSectionPriceException>(() => Event.Schedule(
            "Gig", "", EventCategory.Concert, TestData.Now.AddDays(1), venue, 1, "EUR", onlyStalls, [], TestData.Now));

        Assert.Equal(["Circle"], error.SectionNames);
    }

    [Fact]
    public void Scheduling_rejects_a_price_for_a_section_of_another_venue()
    {
        var venue = TestData.Venue().WithKeys();
        var prices = venue.Sections.ToDictionary(s => s.Id, _ => 10m);
        prices[999] = 10m;

        Assert.Throws<InvalidFieldException>(() => Event.Schedule(
            "Gig", "", EventCategory.Concert, TestData.Now.AddDays(1), venue, 1, "EUR", prices, [], TestData.Now));
    }

    [Fact]
    public void Scheduling_rejects_a_start_in_the_past()
    {
        var venue = TestData.Venue().WithKeys();

        Assert.Throws<EventInThePastException>(() => Event.Schedule(
            "Gig", "", EventCategory.Concert, TestData.Now.AddMinutes(-1), venue, 1, "EUR",
            venue.Sections.ToDictionary(s => s.Id, _ => 10m), [], TestData.Now));
    }

    [Theory]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("")]
    public void Scheduling_rejects_a_currency_that_is_not_an_iso_code(string currency)
    {
        var venue = TestData.Venue().WithKeys();

        Assert.Throws<InvalidCurrencyException>(() => Event.Schedule(
            "Gig", "", EventCategory.Concert, TestData.Now.AddDays(1), venue, 1, currency,
            venue.Sections.ToDictionary(s => s.Id, _ => 10m), [], TestData.Now));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10.005)]
    public void Prices_must_be_positive_whole_cents(decimal price)
    {
        var venue = TestData.Venue().WithKeys();

        Assert.Throws<InvalidFieldException>(() => Event.Schedule(
            "Gig", "", EventCategory.Concert, TestData.Now.AddDays(1), venue, 1, "EUR",
            venue.Sections.ToDictionary(s => s.Id, _ => price), [], TestData.Now));
    }

    [Fact]
    public void The_line_up_keeps_billing_order_and_refuses_repeats()
    {
        var venue = TestData.Venue().WithKeys();

        var gig = TestData.Event(venue, performerIds: [7, 3]);

        Assert.Equal([(7, 1), (3, 2)], gig.Lineup.Select(p => (p.PerformerId, p.Billing)));
        Assert.Throws<InvalidFieldException>(() => TestData.Event(venue, performerIds: [7, 7]));
    }

    [Fact]
    public void Inventory_has_one_available_row_per_seat_at_its_section_price()
    {
        var venue = TestData.Venue(rows: 2, seatsPerRow: 3).WithKeys();
        var gig = TestData.Event(venue);
        gig.AssignKey(42);

        var inventory = gig.CreateInventory(venue).ToList();

        Assert.Equal(venue.Capacity, inventory.Count);
        Assert.Equal(12, inventory.Count);
        Assert.Equal(venue.AllSeats().Select(s => s.Id).Order(), inventory.Select(i => i.SeatId).Order());
        Assert.All(inventory, row => Assert.Equal(42, row.EventId));
        Assert.All(inventory, row => Assert.Equal(TicketMaster.Booking.SeatStatus.Available, row.Status));
        var stalls = venue.Sections.Single(s => s.Name == "Stalls").Id;
        Assert.All(inventory, row => Assert.Equal(row.SectionId == stalls ? 80m : 50m, row.Price));
    }
}
