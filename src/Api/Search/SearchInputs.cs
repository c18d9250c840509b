using GraphQL.Types;
using TicketMaster.Api.Events;
using TicketMaster.GraphQL;
using TicketMaster.Indexer.Search;

namespace TicketMaster.Api.Search;

public sealed class SearchEventsFilterInputType : InputObjectGraphType
{
    public SearchEventsFilterInputType()
    {
        Name = "SearchEventsFilterInput";
        Description = "Every filter given must hold; facets are counted after filtering.";
        Field<EventCategoryType>("category").Description("Only events of this kind.");
        Field<StringGraphType>("city").Description("The venue's city, any letter case.");
        Field<StringGraphType>("country").Description("ISO 3166-1 alpha-2 code, e.g. DE.");
        Field<DateRangeInputType>("startsAt").Description("Without it, only events still to come are found.");
        Field<NearInputType>("near").Description("Only events at venues within a radius of a point; fills `SearchHit.distanceKm` and allows `order: DISTANCE`.");
        Field<BooleanGraphType>("onSaleOnly").Description("Only events with tickets on sale (not sold out or over).");
        Field<DecimalGraphType>("maxPrice").Description("Only events whose cheapest seat costs this or less.");
    }
}

public sealed class DateRangeInputType : InputObjectGraphType
{
    public DateRangeInputType()
    {
        Name = "DateRangeInput";
        Description = "A span of time; either end may be left open, and `gte` must not be after `lte`.";
        Field<DateTimeGraphType>("gte").Description("On or after (UTC).");
        Field<DateTimeGraphType>("lte").Description("On or before (UTC).");
    }
}

public sealed class NearInputType : InputObjectGraphType
{
    public NearInputType()
    {
        Name = "NearInput";
        Description = "Venues within a radius of a point.";
        Field<NonNullGraphType<FloatGraphType>>("latitude").Description("WGS 84 latitude of the centre in degrees, -90 to 90.");
        Field<NonNullGraphType<FloatGraphType>>("longitude").Description("WGS 84 longitude of the centre in degrees, -180 to 180.");
        Field<NonNullGraphType<FloatGraphType>>("radiusKm").Description($"Greater than 0, at most {SearchLimits.MaxRadiusKm:0}.");
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
