using TicketMaster.GraphQL.Caching;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using TicketMaster.GraphQL;
using TicketMaster.GraphQL.DataLoading;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Api.Booking;
using TicketMaster.Api.CheckIn;
using TicketMaster.Api.Performers;
using TicketMaster.Api.Venues;
using TicketMaster.Booking;
using TicketMaster.Events;

namespace TicketMaster.Api.Events;

public sealed class EventType : ObjectGraphType<Event>
{
    public const string TypeName = "Event";

    public EventType(SectionSizes sizes)
    {
        Name = TypeName;
        Description = "A dated show at a venue.";
        this.ImplementsNode(TypeName, e => e.Id);
        this.AddCheckInFields();
        Field(e => e.Name).Description("Display name, as printed on tickets; at most 200 characters.");
        Field(e => e.Description).Description("What the show is, as plain text (no HTML or Markdown) of at most 4,000 characters; empty when the organizer wrote none.");
        Field<NonNullGraphType<EventCategoryType>>("category").Description("The kind of show, for browsing and filters.").Resolve(ctx => ctx.Source.Category);
        Field<NonNullGraphType<EventStatusType>>("status").Description("Where the event is in its life; seats can be reserved only while it is `ON_SALE`.")
            .Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<DateTimeGraphType>>("startsAt").Description("When the show starts (UTC); show it in venue.timeZone.")
            .Resolve(ctx => ctx.Source.StartsAt);
        Field<NonNullGraphType<VenueType>>("venue").Description("Where the show takes place; its `timeZone` is the one to show `startsAt` in.").Resolve(ctx => ctx.Loaders<VenueDataLoaders>().VenueById.Load(ctx.Source.VenueId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PerformerType>>>>("performers").Description("The line-up, headliner first.")
            .Sized(3)
            .Resolve(ctx => ctx.Loaders<EventDataLoaders>().LineupByEvent.Load(ctx.Source.Id).Then(lineup => lineup?.Select(entry => entry.Performer) ?? []));
        Field<NonNullGraphType<PriceRangeType>>("priceRange").Description("The cheapest and dearest section prices, for a \"from …\" label; they do not change with availability.")
            .Resolve(ctx => ctx.Loaders<EventDataLoaders>().PriceRangeByEvent.Load(ctx.Source.Id));
        Field<NonNullGraphType<AvailabilityType>>("availability").Description("Seat counts now; an expired hold counts as available.")
            .Resolve(ctx => ctx.Loaders<EventDataLoaders>().AvailabilityByEvent.Load(ctx.Source.Id).Then(a => a ?? Availability.None));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventSectionType>>>>("sections").Description("Price tiers: each section with its price and free seats.")
            .Sized(SeatMapSizes.SectionsPerVenue)
            .Resolve(ctx => ctx.Loaders<EventDataLoaders>().SectionsByEvent.Load(ctx.Source.Id));
        // One section at a time, not a connection: a client zoomed into a section draws all its seats at
        // once (a few hundred in the demo stadium, a few thousand in the largest real sections), which
        // pages of 50 would split into round trips; the whole event is `seatMap`, compact.
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventSeatType>>>>("seats")
            .Description("The seats of one section with their status, price and position, for a section's detail view; the whole event in one small response is `seatMap`.")
            .IdArgument("sectionId", SectionType.TypeName, "The section, from `EventSection.id` or `SeatMapSection.section.id`.")
            .Argument<SeatStatusType>("status", "Only seats with this status.")
            .SizedBy("the section's seat count", impact => SeatsOf(impact, sizes))
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<EventSeatQueries>().SectionSeatsAsync(
                ctx.Source.Id,
                ctx.GetArgument<int>("sectionId"),
                ctx.GetArgument<SeatStatus?>("status"),
                ctx.CancellationToken));
        Field<NonNullGraphType<SeatMapType>>("seatMap")
            .Description("The whole seat map in one small response, to draw and keep live with `onSeatAvailabilityChanged` (see `SeatMap`).")
            .Weighted(SeatMapSizes.SeatMapImpact, SeatMapSizes.SectionsPerVenue)
            .Resolve(ctx => ctx.Loaders<EventDataLoaders>().SeatMapByEvent.Load(ctx.Source.Id));
        this.AddOrganizerFields();
    }

    /// <summary>The section's real seat count (<see cref="SectionSizes"/>), whatever way its id was given.</summary>
    private static double SeatsOf(global::GraphQL.Validation.Complexity.FieldImpactContext impact, SectionSizes sizes) =>
        impact.GetArgument<object?>("sectionId", null) switch
        {
            int sectionId => sizes.SeatsIn(sectionId),
            string id => sizes.SeatsIn(GlobalId.TryDecode(id, out _, out var key) && int.TryParse(key, out var parsed) ? parsed : 0),
            _ => SectionSizes.Unknown,
        };
}

public sealed class PriceRangeType : ObjectGraphType<PriceRange>
{
    public PriceRangeType()
    {
        Name = "PriceRange";
        Description = "The span of an event's section prices, in one currency.";
        Field<NonNullGraphType<MoneyType>>("min").Description("The cheapest section's price.").Resolve(ctx => ctx.Source.Min);
        Field<NonNullGraphType<MoneyType>>("max").Description("The dearest section's price, in the same currency.").Resolve(ctx => ctx.Source.Max);
    }
}

public sealed class AvailabilityType : ObjectGraphType<Availability>
{
    public AvailabilityType()
    {
        Name = "Availability";
        this.CacheControl(CacheMaxAge.Live);
        Description = "Seat counts of an event or a section; `available + held + sold = total`.";
        Field(a => a.Total).Description("Every seat for sale, whatever its status.");
        Field(a => a.Available).Description("Seats free to reserve now, including seats whose hold has run out.");
        Field(a => a.Held).Description("Seats in someone's running reservation; they come back if it is released or runs out.");
        Field(a => a.Sold).Description("Seats paid for.");
    }
}

public sealed class EventSectionType : ObjectGraphType<EventSection>
{
    public EventSectionType()
    {
        Name = "EventSection";
        this.CacheControl(CacheMaxAge.Live);
        Description = "A section of the venue as sold for this event: its price tier and free seats.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The Section's id, as in `EventSeat.section.id`; pass it to `Event.seats(sectionId:)` or `reserveBestAvailable`.").Resolve(ctx => GlobalId.Encode(SectionType.TypeName, ctx.Source.SectionId));
        Field(s => s.Name).Description(SectionType.NameDescription);
        Field<NonNullGraphType<MoneyType>>("price").Description("What one seat of this section costs at this event.").Resolve(ctx => ctx.Source.Price);
        Field<NonNullGraphType<IntGraphType>>("available").Description("Seats free now in this section.")
            .Resolve(ctx => ctx.Loaders<EventDataLoaders>().AvailabilityBySection.Load((ctx.Source.EventId, ctx.Source.SectionId)).Then(a => (a ?? Availability.None).Available));
    }
}

public sealed class EventSeatType : ObjectGraphType<EventSeatView>
{
    public EventSeatType()
    {
        Name = "EventSeat";
        this.CacheControl(CacheMaxAge.Live);
        Description = "A seat as sold for one event.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The Seat's id; pass it to reserveSeats.").Resolve(ctx => GlobalId.Encode(SeatType.TypeName, ctx.Source.SeatId));
        Field<NonNullGraphType<EventSeatSectionType>>("section").Description("The seat's section: its `id` (for `Event.seats(sectionId:)` or `reserveBestAvailable`) and `name`.")
            .Resolve(ctx => new SeatSection(ctx.Source.SectionId, ctx.Source.Section));
        Field(s => s.Row).Description("The row's label as printed on tickets, e.g. \"C\".");
        Field(s => s.Number).Description("The seat's number in its row; adjacent numbers are adjacent seats.");
        Field(s => s.X).Description(SeatType.XDescription);
        Field(s => s.Y).Description(SeatType.YDescription);
        Field(s => s.IsAccessible).Description(SeatType.IsAccessibleDescription);
        Field<NonNullGraphType<SeatStatusType>>("status").Description("Whether the seat can be reserved now.").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<MoneyType>>("price").Description("What the seat costs at this event (on a ticket: what was paid).").Resolve(ctx => ctx.Source.Price);
        Field<NonNullGraphType<StringGraphType>>("label").Description("Where the seat is, to print and read out: \"Stalls, row C, seat 12\".")
            .Resolve(ctx => SeatLabel.Of(ctx.Source.Section, ctx.Source.Row, ctx.Source.Number));
    }
}

/// <summary>A seat's section as the seat map shows it: enough to group seats and ask for one section.</summary>
public sealed record SeatSection(int SectionId, string Name);

public sealed class EventSeatSectionType : ObjectGraphType<SeatSection>
{
    public EventSeatSectionType()
    {
        Name = "SeatSection";
        Description = "The section a seat is in; the same `id` as `EventSection.id` and the venue's `Section.id`.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The Section's id; pass it to `Event.seats(sectionId:)` or `reserveBestAvailable`.")
            .Resolve(ctx => GlobalId.Encode(SectionType.TypeName, ctx.Source.SectionId));
        Field(s => s.Name).Description(SectionType.NameDescription);
    }
}

/// <summary>The one way a seat's position is written for people, on seat maps, tickets and in messages.</summary>
public static class SeatLabel
{
    public static string Of(string section, string row, int number) => $"{section}, row {row}, seat {number}";
}
