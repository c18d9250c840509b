using System.ComponentModel;
using TicketMaster.Api.Events;
using TicketMaster.GraphQL.Relay;

namespace TicketMaster.Api.WaitingRoom;

[Description("Whether an event's sale runs through a waiting room, and its limits.")]
public sealed record ConfigureWaitingRoomInput(
    [property: Id(EventType.TypeName), Description("Your event.")] int EventId,
    [property: Description("True turns the room on (reserving then needs an admission pass); false turns it off and drops its queue.")] bool On,
    [property: Description("The most shoppers let through per minute; set it to what checkout and the database bear. At least 1.")] int AdmissionsPerMinute,
    [property: Description("The most shoppers holding a valid pass at once; a place frees when a pass runs out or its holder leaves. At least 1.")] int MaxAdmitted,
    [property: Description("When accounts may start joining; no later than `Event.onSaleAt`. Everyone who joins before the sale opens is drawn into a random order when it opens. Omitted: now.")] DateTime? OpensAt = null)
    : IEventScoped;

[Description("The event whose queue to join.")]
public sealed record JoinWaitingRoomInput(
    [property: Id(EventType.TypeName), Description("The event, from `Event.id`; `waitingRoom(eventId:)` says whether it has a room.")] int EventId);

[Description("The event whose queue to leave.")]
public sealed record LeaveWaitingRoomInput(
    [property: Id(EventType.TypeName), Description("The event whose queue you are in.")] int EventId);
