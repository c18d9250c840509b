using GraphQL.Types;
using TicketMaster.Api.Users;
using TicketMaster.Common;
using TicketMaster.GraphQL.Mutations;
using TicketMaster.Tickets;

namespace TicketMaster.Api.CheckIn;

public static class CheckInMutations
{
    public static void AddCheckInMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<CheckInTicketInput, TicketMaster.Tickets.CheckIn>("checkInTicket")
            .Description("Admits the holder of a scanned ticket code at a gate: the first scan of a ticket admits, every later one is refused with when and where it was used. For the event's organizer and its venue's manager.")
            .AuthorizeWithPolicy(Policies.EventStaff)
            .Returns<CheckInType>("checkIn", "The check-in this scan made: let the holder in.")
            .Errors(typeof(TicketCodeInvalidException), typeof(TicketForAnotherEventException), typeof(TicketNotAdmittingException), typeof(AlreadyCheckedInException), typeof(InvalidFieldException))
            .Resolve((input, ctx) => ctx.Service<CheckInTicket>().ExecuteAsync(ctx.UserId(), input.EventId, input.Code, input.Gate, ctx.CancellationToken));

        mutation.Mutation<UploadScansInput, IReadOnlyList<ScanResult>>("uploadScans")
            .Description("Merges the scans an offline scanner made (it checked codes against `Event.checkInList`): each goes through the same first-scan-wins rule, in scan order; scans that clash with an earlier check-in come back as CONFLICT. Safe to retry.")
            .AuthorizeWithPolicy(Policies.EventStaff)
            .Returns<ListGraphType<NonNullGraphType<ScanResultType>>>("results", "One result per uploaded scan, in scan order; null when the upload was refused as a whole (see `errors`).")
            .Errors(typeof(InvalidFieldException))
            .Resolve((input, ctx) => ctx.Service<UploadScans>().ExecuteAsync(
                ctx.UserId(), input.EventId, [.. input.Scans.Select(s => new OfflineScan(s.Code, s.Gate, s.ScannedAt))], ctx.CancellationToken));
    }
}
