using TicketMaster.Common;
using TicketMaster.Events;

namespace TicketMaster.Domain.Tests.Events;

/// <summary>An event's start on its venue's wall clock, which date filters compare (ADR 0014).</summary>
public sealed class WallClockTests
{
    [Theory]
    [InlineData("Australia/Sydney", "2027-02-28T14:00:00Z", "2027-03-01T01:00:00")]   // AEDT, UTC+11: already 1 March
    [InlineData("America/Los_Angeles", "2027-03-01T06:00:00Z", "2027-02-28T22:00:00")] // PST, UTC-8: still 28 February
    [InlineData("America/Los_Angeles", "2027-03-15T06:00:00Z", "2027-03-14T23:00:00")] // PDT from 14 March, UTC-7
    [InlineData("Europe/Berlin", "2027-07-01T18:00:00Z", "2027-07-01T20:00:00")]
    public void A_venue_reads_an_instant_on_its_own_clock_across_daylight_saving(string timeZone, string utc, string local)
    {
        var venue = TestData.Venue(timeZone: timeZone);

        var wallClock = venue.WallClock(DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal));

        Assert.Equal(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), wallClock);
        Assert.Equal(DateTimeKind.Unspecified, wallClock.Kind);
    }

    [Fact]
    public void A_scheduled_event_carries_its_start_on_the_venues_clock()
    {
        var venue = TestData.Venue(timeZone: "Australia/Sydney").WithKeys();

        var scheduled = TestData.Event(venue);

        Assert.Equal(venue.WallClock(scheduled.StartsAt), scheduled.StartsAtLocal);
        Assert.Equal(scheduled.StartsAt.AddHours(11), scheduled.StartsAtLocal); // TestData.Now + 30 days is 29 December: AEDT
    }

    [Fact]
    public void Rescheduling_moves_the_start_on_the_venues_clock_too()
    {
        var venue = TestData.Venue(timeZone: "America/Los_Angeles").WithKeys();
        var show = TestData.Event(venue);
        var moved = new DateTime(2027, 3, 1, 6, 0, 0, DateTimeKind.Utc);

        show.Reschedule(moved, null, null, TestData.Now);

        Assert.Equal(new DateTime(2027, 2, 28, 22, 0, 0), show.StartsAtLocal);
    }

    [Fact]
    public void A_local_time_is_refused_where_an_instant_is_needed()
    {
        var venue = TestData.Venue();

        Assert.Throws<InvalidFieldException>(() => venue.WallClock(new DateTime(2027, 3, 1, 12, 0, 0, DateTimeKind.Unspecified)));
    }
}
