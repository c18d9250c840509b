using System.ComponentModel;
using GraphQL.Types;
using TicketMaster.Api.Users;
using TicketMaster.Events;
using TicketMaster.GraphQL.Mutations;
using TicketMaster.GraphQL.Relay;

namespace TicketMaster.Api.Events;

public static class EventMutations
{
    public static void AddEventMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<PublishEventInput, Event>("publishEvent")
            .Description("Puts your draft event on sale: it appears in `events` at once and in `searchEvents` within seconds, and buyers can reserve seats. Only the event's organizer, or an admin.")
            .AuthorizeWithPolicy(Policies.EventOrganizer)
            .Returns<EventType>("event", "The event, now `ON_SALE`.")
            .Errors(typeof(EventNotFoundException), typeof(InvalidEventStatusTransitionException), typeof(EventInThePastException))
            .Resolve((input, ctx) => ctx.Service<PublishEvent>().ExecuteAsync(input.EventId, ctx.CancellationToken));
        mutation.AddEventOrganizerMutations();
    }
}

[Description("The draft event to put on sale.")]
public sealed record PublishEventInput(
    [property: Id(EventType.TypeName), Description("The draft event to put on sale.")] int EventId) : IEventScoped;
