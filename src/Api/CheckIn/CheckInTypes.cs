using TicketMaster.GraphQL.Caching;
using GraphQL;
using GraphQL.Types;
using TicketMaster.Api.Venues;
using TicketMaster.GraphQL;
using TicketMaster.GraphQL.DataLoading;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Tickets;

namespace TicketMaster.Api.CheckIn;

public sealed class CheckInType : ObjectGraphType<TicketMaster.Tickets.CheckIn>
{
    public CheckInType()
    {
        Name = "CheckIn";
        this.CacheControl(scope: CacheControlScope.Private);
        Description = "A ticket's admission at the door: the first scan of its code.";
        Field<NonNullGraphType<DateTimeGraphType>>("checkedInAt").Description("When it was scanned (UTC); for an offline scan, by the scanner's clock.").Resolve(ctx => ctx.Source.ScannedAt);
        Field(c => c.Gate).Description("The gate it was scanned at.");
        Field(c => c.Offline).Description("True when an offline scanner recorded it and uploaded it later (`uploadScans`).");
        Field<NonNullGraphType<DateTimeGraphType>>("recordedAt").Description("When the server learnt of it: the scan itself, or the upload.").Resolve(ctx => ctx.Source.RecordedAt);
        Field<NonNullGraphType<SeatType>>("seat").Description("The ticket's seat, to send its holder the right way.")
            .Resolve(ctx => ctx.Loaders<VenueDataLoaders>().SeatById.Load(ctx.Source.SeatId));
    }
}

public sealed class ScanOutcomeType : EnumerationGraphType<ScanOutcome>
{
    public ScanOutcomeType()
    {
        Name = "ScanOutcome";
        Description = "What became of one uploaded scan.";
        this.Describe("ADMITTED", "This scan checked the ticket in.");
        this.Describe("ALREADY_RECORDED", "This very scan (same gate and time) was uploaded before; nothing changed.");
        this.Describe("CONFLICT", "Another scan checked the ticket in first (see `checkIn`): the same ticket was let in twice, look into it.");
        this.Describe("REJECTED", "The code was refused (see `rejection`): forged, for another event, or a ticket that admits no one.");
    }
}

public sealed class ScanResultType : ObjectGraphType<ScanResult>
{
    public ScanResultType()
    {
        Name = "ScanResult";
        this.CacheControl(scope: CacheControlScope.Private);
        Description = "One uploaded scan and what became of it.";
        Field(r => r.Code).Description("The scanned code, as uploaded.");
        Field<NonNullGraphType<ScanOutcomeType>>("outcome").Description("Whether it admitted, was a repeat, clashed with an earlier scan, or was refused.").Resolve(ctx => ctx.Source.Outcome);
        Field<CheckInType>("checkIn").Description("The ticket's check-in as it stands: this scan's when ADMITTED or ALREADY_RECORDED, the earlier one's on CONFLICT; null when REJECTED.")
            .Resolve(ctx => ctx.Source.CheckIn);
        Field<StringGraphType>("rejection").Description("Why a REJECTED scan was refused, as a sentence for the operator; null otherwise.").Resolve(ctx => ctx.Source.Rejection?.Message);
    }
}

public sealed class EntryProgressType : ObjectGraphType<EntryProgress>
{
    public EntryProgressType()
    {
        Name = "EntryProgress";
        this.CacheControl(scope: CacheControlScope.Private);
        Description = "How far the doors are: tickets checked in against tickets sold, by gate and over time.";
        Field(p => p.CheckedIn).Description("Tickets checked in so far.");
        Field(p => p.Sold).Description("Tickets that admit someone: sold and neither refunded nor cancelled.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GateProgressType>>>>("byGate").Description("Check-ins per gate, busiest first.").Resolve(ctx => ctx.Source.ByGate);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntryIntervalType>>>>("lastTwoHours")
            .Description("Check-ins per quarter hour over the last two hours, oldest first (8 entries), for a rate chart.").Resolve(ctx => ctx.Source.LastTwoHours);
    }
}

public sealed class GateProgressType : ObjectGraphType<GateProgress>
{
    public GateProgressType()
    {
        Name = "GateProgress";
        this.CacheControl(scope: CacheControlScope.Private);
        Description = "Check-ins at one gate.";
        Field(g => g.Gate).Description("The gate's name as its scanners send it.");
        Field(g => g.CheckedIn).Description("Tickets checked in at this gate.");
    }
}

public sealed class EntryIntervalType : ObjectGraphType<EntryInterval>
{
    public EntryIntervalType()
    {
        Name = "EntryInterval";
        Description = "Check-ins in one quarter hour.";
        Field<NonNullGraphType<DateTimeGraphType>>("from").Description("Start of the quarter hour (UTC); it lasts 15 minutes.").Resolve(ctx => ctx.Source.From);
        Field(i => i.CheckedIn).Description("Tickets checked in during it.");
    }
}

public sealed record EntryProgress(int CheckedIn, int Sold, IReadOnlyList<GateProgress> ByGate, IReadOnlyList<EntryInterval> LastTwoHours);

public sealed record GateProgress(string Gate, int CheckedIn);

public sealed record EntryInterval(DateTime From, int CheckedIn);
