using System.ComponentModel;
using GraphQL.Types;
using TicketMaster.Api.Performers;
using TicketMaster.Api.Users;
using TicketMaster.Api.Venues;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Events;
using TicketMaster.GraphQL.Mutations;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Performers;
using TicketMaster.Venues;
using InputTypeAttribute = GraphQL.InputTypeAttribute;

namespace TicketMaster.Api.Events;

/// <summary>The organizer's side of an event: draft it, change it, call it off (publishing is in <see cref="EventMutations"/>).</summary>
public static class EventOrganizerMutations
{
    private const string TimeFormat = "The venue's wall-clock time, e.g. \"2027-03-01T19:30\" (no offset; see `Venue.timeZone`).";

    public static void AddEventOrganizerMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<CreateEventInput, Event>("createEvent")
            .Description("Drafts an event at a venue with a seat map: every section priced (one currency), the venue's current seats copied as its inventory. Only you and admins see the draft until `publishEvent`. Organizers and admins.")
            .AuthorizeWithPolicy(Policies.Organizers)
            .Returns<EventType>("event", "The new draft (`status: DRAFT`).")
            .Errors(
                typeof(VenueNotFoundException), typeof(VenueWithoutSeatMapException), typeof(PerformerNotFoundException), typeof(MissingSectionPriceException),
                typeof(EventInThePastException), typeof(InvalidFieldException), typeof(InvalidCurrencyException), typeof(PriceInOtherCurrencyException))
            .Resolve((input, ctx) => ctx.Service<CreateEvent>().ExecuteAsync(ctx.UserId(), input.ToDraft(), ctx.CancellationToken));

        mutation.Mutation<UpdateEventInput, Event>("updateEvent")
            .Description("Changes your event; fields left out keep their value. A draft changes anything; a published event its name, description, line-up, times (a reschedule, announced to search and subscribers) and prices (free seats take the new price; held and sold seats keep theirs). Only the event's organizer, or an admin.")
            .AuthorizeWithPolicy(Policies.EventOrganizer)
            .Returns<EventType>("event", "The event as it is now.")
            .Errors(
                typeof(EventNotFoundException), typeof(EventNotEditableException), typeof(PerformerNotFoundException), typeof(EventInThePastException),
                typeof(InvalidFieldException), typeof(InvalidCurrencyException), typeof(PriceInOtherCurrencyException))
            .Resolve((input, ctx) => ctx.Service<UpdateEvent>().ExecuteAsync(input.EventId, input.ToEdit(), ctx.CancellationToken));

        mutation.Mutation<CancelEventInput, Event>("cancelEvent")
            .Description("Calls the event off: no more reservations or payments from now on, search and live subscribers hear of it, holds are released and every paid order is refunded in full (its tickets become `REFUNDED`). Calling it again on a cancelled event finishes any refund left undone (a background job does too). Only the event's organizer, or an admin.")
            .AuthorizeWithPolicy(Policies.EventOrganizer)
            .Returns<EventType>("event", "The event, now `CANCELLED`.")
            .Errors(typeof(EventNotFoundException), typeof(InvalidEventStatusTransitionException), typeof(Orders.RefundFailedException))
            .Resolve((input, ctx) => ctx.Service<CancelEvent>().ExecuteAsync(input.EventId, ctx.CancellationToken));
        AddSalesSwitches(mutation);
    }

    private static void AddSalesSwitches(ObjectGraphType mutation)
    {
        mutation.Mutation<PauseSalesInput, Event>("pauseSales")
            .Description("Stops sales of your published event for now: it stays listed, reservations are refused (`EventNotOnSaleError`) until `resumeSales`. Only the event's organizer, or an admin.")
            .AuthorizeWithPolicy(Policies.EventOrganizer)
            .Returns<EventType>("event", "The event, now `SALES_PAUSED`.")
            .Errors(typeof(EventNotFoundException), typeof(InvalidEventStatusTransitionException))
            .Resolve((input, ctx) => ctx.Service<PauseSales>().ExecuteAsync(input.EventId, ctx.CancellationToken));

        mutation.Mutation<ResumeSalesInput, Event>("resumeSales")
            .Description("Puts your paused event back on sale. Only the event's organizer, or an admin.")
            .AuthorizeWithPolicy(Policies.EventOrganizer)
            .Returns<EventType>("event", "The event, `ON_SALE` again.")
            .Errors(typeof(EventNotFoundException), typeof(InvalidEventStatusTransitionException))
            .Resolve((input, ctx) => ctx.Service<ResumeSales>().ExecuteAsync(input.EventId, ctx.CancellationToken));
    }

    public sealed class SectionPriceInputType : InputObjectGraphType<SectionPriceInput>
    {
        public SectionPriceInputType()
        {
            Name = "SectionPriceInput";
            Description = "One price tier: every seat of a section costs this, in the event's currency.";
            Field(p => p.SectionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The section's id, from `Venue.sections`; each section once.")
                .ParseValue(value => GlobalId.DecodeInt(value as string, SectionType.TypeName));
            Field(p => p.Price, type: typeof(NonNullGraphType<MoneyInputType>))
                .Description("The price of one seat, 0 to 999,999.99, at most two decimals, in the event's currency (another is `PriceInOtherCurrencyError`).");
        }
    }

    internal const string Time = TimeFormat;
}

[Description("A new draft event.")]
public sealed record CreateEventInput(
    [property: Id(VenueType.TypeName), Description("The venue; it needs a seat map.")] int VenueId,
    [property: Description("Display name, 1 to 200 characters.")] string Name,
    [property: Description("What kind of event it is.")] EventCategory Category,
    [property: Description("When the show starts. " + EventOrganizerMutations.Time)] string StartsAt,
    [property: Description("ISO 4217 currency of every price, e.g. \"EUR\".")] string Currency,
    [property: InputType(typeof(NonNullGraphType<ListGraphType<NonNullGraphType<EventOrganizerMutations.SectionPriceInputType>>>)), Description("A price for every section of the venue's seat map.")]
    IReadOnlyList<SectionPriceInput> Prices,
    [property: Description("Plain text, at most 4,000 characters.")] string? Description = null,
    [property: Description("When the show ends. " + EventOrganizerMutations.Time)] string? EndsAt = null,
    [property: Description("When doors open, at most 24 hours before the start. " + EventOrganizerMutations.Time)] string? DoorsAt = null,
    [property: Description("When sales open once published; left out, as soon as it is published. " + EventOrganizerMutations.Time)] string? OnSaleAt = null,
    [property: Id(PerformerType.TypeName), Description("The line-up, headliner first.")] IReadOnlyList<int>? PerformerIds = null,
    [property: Description("Most tickets one order may hold, 1 to 100; left out, no limit of the event's own.")] int? MaxTicketsPerOrder = null,
    [property: Description("Most tickets one account may hold and buy for the event together (refunded tickets do not count), 1 to 100; left out, no limit.")] int? MaxTicketsPerAccount = null)
{
    public EventDraft ToDraft() => new(
        VenueId, Name, Description, Category, StartsAt, EndsAt, DoorsAt, OnSaleAt, Currency, SectionPriceInput.ToDomain(Prices), PerformerIds ?? [], MaxTicketsPerOrder, MaxTicketsPerAccount);
}

[Description("The event to change and the changes; a field left out keeps its value.")]
public sealed record UpdateEventInput(
    [property: Id(EventType.TypeName), Description("The event to change.")] int EventId,
    [property: Description("New display name, 1 to 200 characters.")] string? Name = null,
    [property: Description("New description, at most 4,000 characters.")] string? Description = null,
    [property: Description("New category; drafts only.")] EventCategory? Category = null,
    [property: Description("New start: a reschedule once published. " + EventOrganizerMutations.Time)] string? StartsAt = null,
    [property: Description("New end. " + EventOrganizerMutations.Time)] string? EndsAt = null,
    [property: Description("New doors time. " + EventOrganizerMutations.Time)] string? DoorsAt = null,
    [property: Description("New sales opening; drafts only. " + EventOrganizerMutations.Time)] string? OnSaleAt = null,
    [property: InputType(typeof(ListGraphType<NonNullGraphType<EventOrganizerMutations.SectionPriceInputType>>)), Description("New prices of some sections; free seats take them at once.")]
    IReadOnlyList<SectionPriceInput>? Prices = null,
    [property: Id(PerformerType.TypeName), Description("The whole new line-up, headliner first.")] IReadOnlyList<int>? PerformerIds = null,
    [property: Description("New per-order limit, 1 to 100; drafts only.")] int? MaxTicketsPerOrder = null,
    [property: Description("New per-account limit, 1 to 100; drafts only.")] int? MaxTicketsPerAccount = null) : IEventScoped
{
    public EventEdit ToEdit() => new(Name, Description, Category, StartsAt, EndsAt, DoorsAt, OnSaleAt, Prices is null ? null : SectionPriceInput.ToDomain(Prices), PerformerIds, MaxTicketsPerOrder, MaxTicketsPerAccount);
}

/// <summary>A price tier as a client sends it; <see cref="ToDomain"/> reads its money (an invalid code is <see cref="InvalidCurrencyException"/>).</summary>
public sealed record SectionPriceInput(int SectionId, MoneyInput Price)
{
    public static IReadOnlyList<SectionPrice> ToDomain(IReadOnlyList<SectionPriceInput> prices) =>
        [.. prices.Select(p => new SectionPrice(p.SectionId, p.Price.ToMoney()))];
}

[Description("The event to call off.")]
public sealed record CancelEventInput(
    [property: Id(EventType.TypeName), Description("The event to cancel.")] int EventId) : IEventScoped;

[Description("The event whose sales stop for now.")]
public sealed record PauseSalesInput(
    [property: Id(EventType.TypeName), Description("The published event to pause.")] int EventId) : IEventScoped;

[Description("The paused event to put back on sale.")]
public sealed record ResumeSalesInput(
    [property: Id(EventType.TypeName), Description("The paused event.")] int EventId) : IEventScoped;
