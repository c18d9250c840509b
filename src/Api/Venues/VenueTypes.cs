using TicketMaster.GraphQL;
using GraphQL;
using GraphQL.Types;
using TicketMaster.Api.Events;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Venues;

namespace TicketMaster.Api.Venues;

public sealed class VenueType : ObjectGraphType<Venue>
{
    public const string TypeName = "Venue";

    public VenueType()
    {
        Name = TypeName;
        Description = "A place where events happen, with the seat map its manager keeps.";
        this.ImplementsNode(TypeName, v => v.Id);
        Field(v => v.Name).Description("Display name, as printed on tickets.");
        Field(v => v.Address).Description("Street address on one line, for directions; without city and country, which have their own fields.");
        Field(v => v.City).Description("City name, e.g. \"Munich\"; `searchEvents(where: { city: })` matches it in any letter case.");
        Field(v => v.Country).Description("ISO 3166-1 alpha-2 country code.");
        Field(v => v.Latitude).Description("WGS 84 latitude in degrees, -90 to 90 (north is positive), for maps and `searchEvents(where: { near: })`.");
        Field(v => v.Longitude).Description("WGS 84 longitude in degrees, -180 to 180 (east is positive).");
        Field(v => v.TimeZone).Description("IANA time zone of the venue, for showing local start times.");
        Field<NonNullGraphType<IntGraphType>>("capacity").Description("Number of seats in the seat map.")
            .Resolve(ctx => ctx.Loaders<VenueDataLoaders>().CapacityByVenue.Load(ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectionType>>>>("sections")
            .Description("The venue's sections, each with its rows and seats. Ask for the seats of one section at a time: `rows { seats }` of every section at once is over a request's complexity budget; the whole venue is `seatMap`.")
            .Sized(SeatMapSizes.SectionsPerVenue)
            .Resolve(ctx => ctx.Loaders<VenueDataLoaders>().SectionsByVenue.Load(ctx.Source.Id));
        Field<NonNullGraphType<VenueSeatMapType>>("seatMap")
            .Description("The whole seat map in one small response: sections, rows, seat keys and where to draw each seat (see `VenueSeatMap`).")
            .Weighted(SeatMapSizes.SeatMapImpact, SeatMapSizes.SectionsPerVenue)
            .Resolve(ctx => ctx.Loaders<VenueDataLoaders>().SeatMapByVenue.Load(ctx.Source.Id));
        this.EventsConnection("events", "Events at this venue.", (db, venue) => db.Events.Where(e => e.VenueId == venue.Id));
    }
}

public sealed class SectionType : ObjectGraphType<Section>
{
    public const string TypeName = "Section";

    /// <summary>Shared with EventSection, which shows the same section as sold for one event.</summary>
    public const string NameDescription = "Display name within the venue, e.g. \"101\", \"Floor A\" or \"Balcony\"; unique in its venue.";

    public SectionType()
    {
        Name = TypeName;
        Description = "A block of rows priced together: one price tier per event.";
        this.ImplementsNode(TypeName, s => s.Id);
        Field(s => s.Name).Description(NameDescription);
        Field(s => s.Position).Description("Display order within the venue.");
        Field(s => s.IsStanding).Description("A standing area: its places are unnumbered admission (rows \"1\", \"2\", … only lay them out on the map); show the section's capacity rather than seats to pick.");
        Field<NonNullGraphType<IntGraphType>>("capacity").Description("Number of seats in the section.").Resolve(ctx => ctx.Loaders<VenueDataLoaders>().CapacityBySection.Load(ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SeatRowType>>>>("rows").Description("Rows from the front (position 1) back.")
            .Sized(SeatMapSizes.RowsPerSection)
            .Resolve(ctx => ctx.Loaders<VenueDataLoaders>().RowsBySection.Load(ctx.Source.Id));
    }
}

public sealed class SeatRowType : ObjectGraphType<SeatRow>
{
    public SeatRowType()
    {
        Name = "SeatRow";
        Description = "A row of seats in a section.";
        Field(r => r.Label).Description("The row's label as printed on tickets, e.g. \"A\" or \"12\"; unique in its section.");
        Field(r => r.Position).Description("1 is the row closest to the stage.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SeatType>>>>("seats").Description("The row's seats by number.")
            .Sized(SeatMapSizes.SeatsPerRow)
            .Resolve(ctx => ctx.Loaders<VenueDataLoaders>().SeatsByRow.Load(ctx.Source.Id));
    }
}

public sealed class SeatType : ObjectGraphType<Seat>
{
    public const string TypeName = "Seat";

    // Shared with EventSeat, which shows the same seat as sold for one event.
    public const string XDescription = "Horizontal position on the venue map, in metres from the stage or pitch centre.";
    public const string YDescription = "Vertical position on the venue map, in metres from the stage or pitch centre.";
    public const string IsAccessibleDescription = "Wheelchair accessible.";

    public SeatType()
    {
        Name = TypeName;
        Description = "A physical seat. Its price and status are per event: see Event.seats.";
        this.ImplementsNode(TypeName, s => s.Id);
        Field(s => s.Number).Description("Adjacent numbers are adjacent seats.");
        Field(s => s.Label).Description("The seat's label as printed on tickets (today its number as text); show it with the section name and row label.");
        Field(s => s.X).Description(XDescription);
        Field(s => s.Y).Description(YDescription);
        Field(s => s.IsAccessible).Description(IsAccessibleDescription);
    }
}

/// <summary>
/// Seat-map list sizes for the complexity analyzer (budget 25,000). The seats of one section fit a
/// request's budget; the seats of every section of a venue (`sections { rows { seats } }`, up to
/// 100,000 of them) do not: a whole venue is the compact `seatMap`, which costs a fifth of the
/// budget, so one page reads at most four.
/// </summary>
internal static class SeatMapSizes
{
    public const int SectionsPerVenue = 10;
    public const int RowsPerSection = 30;
    public const int SeatsPerRow = 100;
    public const int SeatMapImpact = 5_000;
}
