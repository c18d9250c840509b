using GraphQL.Types;
using TicketMaster.Api.Events;
using TicketMaster.GraphQL;
using TicketMaster.GraphQL.Scalars;
using TicketMaster.Events;
using TicketMaster.Indexer.Search;

namespace TicketMaster.Api.Search;

/// <summary>What <c>searchEvents(where:)</c> reads, typed: the input type below maps onto it.</summary>
public sealed record SearchEventsFilter(
    EventCategory? Category = null, string? City = null, string? Country = null, DateRange? StartsAt = null, Near? Near = null, bool? OnSaleOnly = null, MoneyInput? MaxPrice = null);

/// <param name="Gte">A <see cref="DateOnly"/> (a day at the venue) or a UTC <see cref="DateTime"/> (an instant), as <see cref="DateOrDateTimeGraphType"/> reads it.</param>
/// <param name="Lte">The same, for the other end.</param>
public sealed record DateRange(object? Gte = null, object? Lte = null);

public sealed record Near(double Latitude, double Longitude, double RadiusKm);

public sealed class SearchEventsFilterInputType : InputObjectGraphType<SearchEventsFilter>
{
    public SearchEventsFilterInputType()
    {
        Name = "SearchEventsFilterInput";
        Description = "Every filter given must hold; facets are counted after filtering.";
        Field(f => f.Category, type: typeof(EventCategoryType)).Description("Only events of this kind.");
        Field(f => f.City, nullable: true).Description("The venue's city, any letter case.");
        Field(f => f.Country, nullable: true).Description("ISO 3166-1 alpha-2 code, e.g. DE.");
        Field(f => f.StartsAt, type: typeof(DateRangeInputType)).Description("Without it, only events still to come are found.");
        Field(f => f.Near, type: typeof(NearInputType)).Description("Only events at venues within a radius of a point; fills `SearchHit.distanceKm` and allows `order: DISTANCE`.");
        Field(f => f.OnSaleOnly, nullable: true).Description("Only events with tickets on sale (not sold out or over).");
        Field(f => f.MaxPrice, type: typeof(MoneyInputType)).Description("Only events whose cheapest seat costs this or less, priced in this currency: events priced in another currency do not match (prices are never converted).");
    }
}

public sealed class DateRangeInputType : InputObjectGraphType<DateRange>
{
    public DateRangeInputType()
    {
        Name = "DateRangeInput";
        Description = "A span of starts; either end may be left open, and `gte` must not be after `lte`. Each end is an instant or a day; a day is the day at the event's venue, in its `timeZone`.";
        Field(r => r.Gte, type: typeof(DateOrDateTimeGraphType)).Description("Starts at or after this instant, or on or after this day at the venue (`2027-03-01`: from midnight there).");
        Field(r => r.Lte, type: typeof(DateOrDateTimeGraphType)).Description("Starts at or before this instant, or on or before this day at the venue (`2027-03-31`: that whole day there).");
    }
}

public sealed class NearInputType : InputObjectGraphType<Near>
{
    public NearInputType()
    {
        Name = "NearInput";
        Description = "Venues within a radius of a point.";
        Field(n => n.Latitude).Description("WGS 84 latitude of the centre in degrees, -90 to 90.");
        Field(n => n.Longitude).Description("WGS 84 longitude of the centre in degrees, -180 to 180.");
        Field(n => n.RadiusKm).Description($"Greater than 0, at most {SearchLimits.MaxRadiusKm:0}.");
    }
}

public sealed class SearchEventsOrderType : EnumerationGraphType<SearchOrder>
{
    public SearchEventsOrderType()
    {
        Name = "SearchEventsOrder";
        Description = "RELEVANCE (best match first, then soonest), DATE (soonest first) or DISTANCE (nearest first; needs where.near).";
        this.Describe("RELEVANCE", "Best match first, then soonest.");
        this.Describe("DATE", "Soonest first.");
        this.Describe("DISTANCE", "Nearest to `where.near` first; an error without `where.near`.");
    }
}
