using TicketMaster.GraphQL.Filtering;
using TicketMaster.GraphQL.Sorting;
using TicketMaster.Venues;

namespace TicketMaster.Api.Venues;

public sealed class VenueFilterInputType : FilterInputType<Venue>
{
    public VenueFilterInputType()
        : base("VenueFilterInput")
    {
        String("name", v => v.Name);
        String("address", v => v.Address);
        String("city", v => v.City);
        String("country", v => v.Country);
        String("timeZone", v => v.TimeZone);
        Comparable<FloatOperationFilterInputType>("latitude", (Venue v) => v.Latitude);
        Comparable<FloatOperationFilterInputType>("longitude", (Venue v) => v.Longitude);
        Comparable<IntOperationFilterInputType>("capacity", (Venue v) => v.Sections.SelectMany(s => s.Rows).SelectMany(r => r.Seats).Count());
    }
}

public sealed class VenueSortInputType : SortInputType<Venue>
{
    public VenueSortInputType()
        : base("VenueSortInput")
    {
        Field("name", (Venue v) => v.Name);
        Field("city", (Venue v) => v.City);
        Field("country", (Venue v) => v.Country);
        Field("capacity", (Venue v) => v.Sections.SelectMany(s => s.Rows).SelectMany(r => r.Seats).Count());
    }
}
