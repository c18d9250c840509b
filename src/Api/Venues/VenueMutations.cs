using System.ComponentModel;
using InputTypeAttribute = GraphQL.InputTypeAttribute;
using GraphQL.Types;
using TicketMaster.Api.Users;
using TicketMaster.Common;
using TicketMaster.GraphQL.Mutations;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Venues;

namespace TicketMaster.Api.Venues;

public static class VenueMutations
{
    public static void AddVenueMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<CreateVenueInput, Venue>("createVenue")
            .Description("Opens a venue with no seat map yet (lay one out with `layOutSeatMap`). A venue manager becomes its manager; an admin's venue has none until `assignVenueManager`. Venue managers and admins only.")
            .AuthorizeWithPolicy(Policies.VenueManagers)
            .Returns<VenueType>("venue", "The new venue.")
            .Errors(typeof(InvalidFieldException))
            .Resolve((input, ctx) => ctx.Service<CreateVenue>().ExecuteAsync(ctx.UserId(), input.ToDetails(), ctx.CancellationToken));

        mutation.Mutation<UpdateVenueInput, Venue>("updateVenue")
            .Description("Corrects a venue's name, address, coordinates or time zone; fields left out keep their value. Events keep their start instants when the time zone changes. Only the venue's manager, or an admin.")
            .AuthorizeWithPolicy(Policies.VenueManager)
            .Returns<VenueType>("venue", "The venue as it is now.")
            .Errors(typeof(VenueNotFoundException), typeof(InvalidFieldException))
            .Resolve((input, ctx) => ctx.Service<UpdateVenue>().ExecuteAsync(input.VenueId, input.ToChanges(), ctx.CancellationToken));

        mutation.Mutation<AssignVenueManagerInput, Venue>("assignVenueManager")
            .Description("Makes a user with the venue-manager role the manager of a venue; the previous manager loses it. Admins only.")
            .AuthorizeWithPolicy(Policies.Admin)
            .Returns<VenueType>("venue", "The venue, now managed by the user.")
            .Errors(typeof(VenueNotFoundException), typeof(NotAVenueManagerException))
            .Resolve((input, ctx) => ctx.Service<AssignVenueManager>().ExecuteAsync(input.VenueId, input.UserId, ctx.CancellationToken));

        mutation.Mutation<LayOutSeatMapInput, Venue>("layOutSeatMap")
            .Description("Replaces the venue's seat map in one call (a 20,000-seat arena is a few dozen `block`s). Events keep the map they were created with: events already on the venue are not changed; new events get this map. At most 100,000 seats and places. Only the venue's manager, or an admin.")
            .AuthorizeWithPolicy(Policies.VenueManager)
            .Returns<VenueType>("venue", "The venue with its new map (`seatMap`, `capacity`).")
            .Errors(SeatMapErrors)
            .Resolve((input, ctx) => ctx.Service<LayOutSeatMap>().ExecuteAsync(input.VenueId, new SeatMapPlan(input.Sections), ctx.CancellationToken));

        mutation.Mutation<ImportSeatMapInput, Venue>("importSeatMap")
            .Description("Replaces the venue's seat map with one from a seat-map file (`exportSeatMap`'s output, format in docs/seat-map-format.md); otherwise as `layOutSeatMap`. Only the venue's manager, or an admin.")
            .AuthorizeWithPolicy(Policies.VenueManager)
            .Returns<VenueType>("venue", "The venue with its new map.")
            .Errors([.. SeatMapErrors, typeof(SeatMapFormatException)])
            .Resolve((input, ctx) => ctx.Service<LayOutSeatMap>().ExecuteAsync(input.VenueId, SeatMapJson.Read(input.Json), ctx.CancellationToken));
    }

    private static readonly Type[] SeatMapErrors =
    [
        typeof(VenueNotFoundException), typeof(InvalidFieldException), typeof(DuplicateSeatMapEntryException), typeof(EmptySectionException),
        typeof(SeatMapTooLargeException), typeof(SeatOutOfRangeException),
    ];
}

[Description("A new venue's details.")]
public sealed record CreateVenueInput(
    [property: Description("Display name, as printed on tickets; 1 to 200 characters.")] string Name,
    [property: Description("Street address on one line, without city and country; 1 to 300 characters.")] string Address,
    [property: Description("City name, e.g. \"Munich\"; 1 to 100 characters.")] string City,
    [property: Description("ISO 3166-1 alpha-2 country code in capitals, e.g. \"DE\".")] string Country,
    [property: Description("WGS 84 latitude in degrees, -90 to 90.")] double Latitude,
    [property: Description("WGS 84 longitude in degrees, -180 to 180.")] double Longitude,
    [property: Description("IANA time zone id, e.g. \"Europe/Berlin\"; event times are shown in it. Windows ids are refused.")] string TimeZone)
{
    public VenueDetails ToDetails() => new(Name, Address, City, Country, Latitude, Longitude, TimeZone);
}

[Description("The venue to correct and the fields to change; a field left out (or null) keeps its value.")]
public sealed record UpdateVenueInput(
    [property: Id(VenueType.TypeName), Description("The venue to change.")] int VenueId,
    [property: Description("New display name, 1 to 200 characters.")] string? Name = null,
    [property: Description("New street address, 1 to 300 characters.")] string? Address = null,
    [property: Description("New city name, 1 to 100 characters.")] string? City = null,
    [property: Description("New ISO 3166-1 alpha-2 country code in capitals.")] string? Country = null,
    [property: Description("New WGS 84 latitude, -90 to 90.")] double? Latitude = null,
    [property: Description("New WGS 84 longitude, -180 to 180.")] double? Longitude = null,
    [property: Description("New IANA time zone id, e.g. \"Europe/London\".")] string? TimeZone = null) : IVenueScoped
{
    public VenueChanges ToChanges() => new(Name, Address, City, Country, Latitude, Longitude, TimeZone);
}

[Description("Who is to manage which venue.")]
public sealed record AssignVenueManagerInput(
    [property: Id(VenueType.TypeName), Description("The venue to hand over.")] int VenueId,
    [property: Id(UserType.TypeName), Description("The user to manage it; they must hold the venue-manager role.")] int UserId) : IVenueScoped;

[Description("The venue and its new seat map.")]
public sealed record LayOutSeatMapInput(
    [property: Id(VenueType.TypeName), Description("The venue whose map is replaced.")] int VenueId,
    [property: InputType(typeof(NonNullGraphType<ListGraphType<NonNullGraphType<SeatMapSectionInputType>>>)), Description("The sections, in display order; at least one.")]
    IReadOnlyList<SectionPlan> Sections) : IVenueScoped;

[Description("The venue and a seat-map file.")]
public sealed record ImportSeatMapInput(
    [property: Id(VenueType.TypeName), Description("The venue whose map is replaced.")] int VenueId,
    [property: Description("The seat-map file's JSON text, as `exportSeatMap` returns it.")] string Json) : IVenueScoped;
