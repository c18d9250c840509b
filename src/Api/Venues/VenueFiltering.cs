using TicketMaster.GraphQL.Filtering;
using TicketMaster.GraphQL.Sorting;
using TicketMaster.Venues;

namespace TicketMaster.Api.Venues;

public sealed class VenueFilterInputType : FilterInputType<Venue>
{
    public VenueFilterInputType()
        : base("VenueFilterInput", "venues")
    {
        String("name", v => v.Name, "Venues by display name.");
        String("address", v => v.Address, "Venues by street address.");
        String("city", v => v.City, "Venues by city name, as written in `Venue.city`.");
        String("country", v => v.Country, "Venues by ISO 3166-1 alpha-2 country code, e.g. `{ eq: \"DE\" }`.");
        String("timeZone", v => v.TimeZone, "Venues by IANA time zone, e.g. `{ eq: \"Europe/Berlin\" }`.");
        Comparable<FloatOperationFilterInputType>("latitude", (Venue v) => v.Latitude, "Venues by latitude in degrees (-90 to 90); with `longitude`, a bounding box.");
        Comparable<FloatOperationFilterInputType>("longitude", (Venue v) => v.Longitude, "Venues by longitude in degrees (-180 to 180); with `latitude`, a bounding box.");
        Comparable<IntOperationFilterInputType>("capacity", (Venue v) => v.Sections.Where(s => s.RetiredAt == null).SelectMany(s => s.Rows).SelectMany(r => r.Seats).Count(),
            "Venues by number of seats in their seat map.");
    }
}

public sealed class VenueSortInputType : SortInputType<Venue>
{
    public VenueSortInputType()
        : base("VenueSortInput", "venues")
    {
        Field("name", (Venue v) => v.Name, "By display name.");
        Field("city", (Venue v) => v.City, "By city name.");
        Field("country", (Venue v) => v.Country, "By country code.");
        Field("capacity", (Venue v) => v.Sections.Where(s => s.RetiredAt == null).SelectMany(s => s.Rows).SelectMany(r => r.Seats).Count(), "By number of seats: ASC is smallest first.");
    }
}
