using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using TicketMaster.GraphQL.DataLoading;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Api.Performers;
using TicketMaster.Api.Venues;
using TicketMaster.Booking;
using TicketMaster.Events;

namespace TicketMaster.Api.Events;

public sealed class EventType : ObjectGraphType<Event>
{
    public const string TypeName = "Event";

    public EventType()
    {
        Name = TypeName;
        Description = "A dated show at a venue.";
        this.ImplementsNode(TypeName, e => e.Id);
        Field(e => e.Name);
        Field(e => e.Description);
        Field<NonNullGraphType<EventCategoryType>>("category").Resolve(ctx => ctx.Source.Category);
        Field<NonNullGraphType<EventStatusType>>("status").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<DateTimeGraphType>>("startsAt").Description("When the show starts (UTC); show it in venue.timeZone.")
            .Resolve(ctx => ctx.Source.StartsAt);
        Field<NonNullGraphType<VenueType>>("venue").Resolve(ctx => ctx.Loaders<VenueDataLoaders>().VenueById.Load(ctx.Source.VenueId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PerformerType>>>>("performers").Description("The line-up, headliner first.")
            .WithComplexityImpact(1, 3)
            .Resolve(ctx => ctx.Loaders<EventDataLoaders>().LineupByEvent.Load(ctx.Source.Id).Then(lineup => lineup?.Select(entry => entry.Performer) ?? []));
        Field<NonNullGraphType<PriceRangeType>>("priceRange").Resolve(ctx => ctx.Loaders<EventDataLoaders>().PriceRangeByEvent.Load(ctx.Source.Id));
        Field<NonNullGraphType<AvailabilityType>>("availability").Description("Seat counts now; an expired hold counts as available.")
            .Resolve(ctx => ctx.Loaders<EventDataLoaders>().AvailabilityByEvent.Load(ctx.Source.Id).Then(a => a ?? Availability.None));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventSectionType>>>>("sections").Description("Price tiers: each section with its price and free seats.")
            .WithComplexityImpact(1, SeatMapSizes.SectionsPerVenue)
            .Resolve(ctx => ctx.Loaders<EventDataLoaders>().SectionsByEvent.Load(ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventSeatType>>>>("seats")
            .Description("Every seat of the event with its status and price: enough to draw a live seat map.")
            .Argument<IdGraphType>("sectionId", "Only the seats of this section.")
            .Argument<SeatStatusType>("status", "Only seats with this status.")
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<EventSeatQueries>().SeatMapAsync(
                ctx.Source.Id,
                ctx.GetArgument<string?>("sectionId") is { } id ? GlobalId.DecodeInt(id, SectionType.TypeName) : null,
                ctx.GetArgument<SeatStatus?>("status"),
                ctx.CancellationToken));
    }
}

public sealed class PriceRangeType : ObjectGraphType<PriceRange>
{
    public PriceRangeType()
    {
        Name = "PriceRange";
        Field(p => p.Min).Description("The cheapest section's price.");
        Field(p => p.Max).Description("The dearest section's price.");
        Field(p => p.Currency).Description("ISO 4217 currency code.");
    }
}

public sealed class AvailabilityType : ObjectGraphType<Availability>
{
    public AvailabilityType()
    {
        Name = "Availability";
        Field(a => a.Total);
        Field(a => a.Available);
        Field(a => a.Held);
        Field(a => a.Sold);
    }
}

public sealed class EventSectionType : ObjectGraphType<EventSection>
{
    public EventSectionType()
    {
        Name = "EventSection";
        Description = "A section of the venue as sold for this event: its price tier and free seats.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The Section's id.").Resolve(ctx => GlobalId.Encode(SectionType.TypeName, ctx.Source.SectionId));
        Field(s => s.Name);
        Field(s => s.Price);
        Field<NonNullGraphType<IntGraphType>>("available").Description("Seats free now in this section.")
            .Resolve(ctx => ctx.Loaders<EventDataLoaders>().AvailabilityBySection.Load((ctx.Source.EventId, ctx.Source.SectionId)).Then(a => (a ?? Availability.None).Available));
    }
}

public sealed class EventSeatType : ObjectGraphType<EventSeatView>
{
    public EventSeatType()
    {
        Name = "EventSeat";
        Description = "A seat as sold for one event.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The Seat's id; pass it to reserveSeats.").Resolve(ctx => GlobalId.Encode(SeatType.TypeName, ctx.Source.SeatId));
        Field<NonNullGraphType<IdGraphType>>("sectionId").Resolve(ctx => GlobalId.Encode(SectionType.TypeName, ctx.Source.SectionId));
        Field(s => s.Section).Description("The section's name.");
        Field(s => s.Row).Description("The row's label.");
        Field(s => s.Number);
        Field(s => s.X);
        Field(s => s.Y);
        Field(s => s.IsAccessible);
        Field<NonNullGraphType<SeatStatusType>>("status").Resolve(ctx => ctx.Source.Status);
        Field(s => s.Price);
    }
}
