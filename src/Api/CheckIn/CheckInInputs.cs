using System.ComponentModel;
using InputType = GraphQL.InputTypeAttribute;
using GraphQL.Types;
using TicketMaster.Api.Events;
using TicketMaster.GraphQL.Relay;

namespace TicketMaster.Api.CheckIn;

[Description("A ticket code scanned at a gate of an event.")]
public sealed record CheckInTicketInput(
    [property: Id(EventType.TypeName), Description("The event this door admits to; a ticket for another event is refused.")] int EventId,
    [property: Description("The scanned code (`Ticket.code`, what the QR code holds).")] string Code,
    [property: Description("The gate's name as the scanner calls it, e.g. \"North 2\"; 1 to 64 characters. Shown on a second scan of the ticket.")] string Gate) : IEventScoped;

[Description("What an offline scanner recorded for one event, to merge now that it is online again.")]
public sealed record UploadScansInput(
    [property: Id(EventType.TypeName), Description("The event the scanner admitted to.")] int EventId,
    [property: InputType(typeof(NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringInputObjectGraphType<ScanInput>>>>)), Description("The scans, 1 to 500 per upload, in any order; uploading the same scans again changes nothing.")] IReadOnlyList<ScanInput> Scans) : IEventScoped;

[Description("One scan an offline scanner made.")]
public sealed record ScanInput(
    [property: Description("The scanned code.")] string Code,
    [property: Description("The gate it was scanned at.")] string Gate,
    [property: Description("When it was scanned, by the scanner's clock (not in the future).")] DateTime ScannedAt);
