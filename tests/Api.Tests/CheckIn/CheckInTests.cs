using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Api.Tests.Tickets;

namespace TicketMaster.Api.Tests.CheckIn;

/// <summary>The door: scanning codes online, uploading offline scans, and what staff see, over HTTP.</summary>
public abstract class CheckInTests(TicketScene scene)
{
    private const string Scan = """
        mutation($input: CheckInTicketInput!) {
          checkInTicket(input: $input) {
            checkIn { checkedInAt gate offline seat { number } }
            errors {
              __typename ... on Error { message }
              ... on AlreadyCheckedInError { checkedInAt gate }
              ... on TicketForAnotherEventError { eventId }
              ... on TicketNotAdmittingError { status }
              ... on InvalidFieldError { field }
            }
          }
        }
        """;

    private const string Upload = """
        mutation($input: UploadScansInput!) {
          uploadScans(input: $input) {
            results { code outcome rejection checkIn { gate checkedInAt offline } }
            errors { __typename ... on InvalidFieldError { field } }
          }
        }
        """;

    [SkippableFact]
    public async Task The_first_scan_admits_and_a_second_scan_says_when_and_at_which_gate_it_was_used()
    {
        var (_, tickets) = await scene.BuyAsync(scene.MainEventId);
        var code = tickets[0].Code;

        var first = await ScanAsync(scene.ClientFor(scene.Organizer), code, "North 1");
        var second = await ScanAsync(scene.ClientFor(scene.Manager), code, "South 2");

        Assert.Null(first.Errors);
        Assert.Equal(("North 1", false), (first.CheckIn!.Gate, first.CheckIn.Offline));
        Assert.Null(second.CheckIn);
        var refused = Assert.Single(second.Errors!);
        Assert.Equal(("AlreadyCheckedInError", "North 1", first.CheckIn.CheckedInAt), (refused.Typename, refused.Gate, refused.CheckedInAt));
        Assert.Equal(1, await CheckInsOfAsync(tickets[0].Id));
    }

    [SkippableFact]
    public async Task Forged_altered_foreign_and_refunded_codes_and_a_blank_gate_are_refused_and_admit_no_one()
    {
        var (_, tickets) = await scene.BuyAsync(scene.MainEventId, count: 2);
        var (_, refunded) = await scene.BuyAsync(scene.MainEventId);
        var (_, foreign) = await scene.BuyAsync(scene.OtherEventId);
        await RefundAsync(refunded[0].Id);
        var staff = scene.ClientFor(scene.Organizer);
        var parts = tickets[0].Code.Split('.');
        var altered = string.Join('.', parts[0], parts[1], parts[2], (parts[3][0] == 'A' ? "B" : "A") + parts[3][1..]);
        var unknownKey = string.Join('.', parts[0], "k9", parts[2], parts[3]);

        var answers = new[]
        {
            await ScanAsync(staff, altered, "Gate"),
            await ScanAsync(staff, unknownKey, "Gate"),
            await ScanAsync(staff, "not a ticket", "Gate"),
            await ScanAsync(staff, foreign[0].Code, "Gate"),
            await ScanAsync(staff, refunded[0].Code, "Gate"),
            await ScanAsync(staff, tickets[1].Code, "   "),
        };

        Assert.All(answers, a => Assert.Null(a.CheckIn));
        Assert.Equal(
            ["TicketCodeInvalidError", "TicketCodeInvalidError", "TicketCodeInvalidError", "TicketForAnotherEventError", "TicketNotAdmittingError", "InvalidFieldError"],
            answers.Select(a => a.Errors![0].Typename));
        Assert.Equal(scene.OtherEventId, answers[3].Errors![0].EventId);
        Assert.Equal("REFUNDED", answers[4].Errors![0].Status);
        Assert.Equal("gate", answers[5].Errors![0].Field);
        foreach (var ticket in tickets.Concat(refunded).Concat(foreign))
        {
            Assert.Equal(0, await CheckInsOfAsync(ticket.Id));
        }
    }

    [SkippableFact]
    public async Task Only_the_events_organizer_its_venue_manager_and_admins_may_scan_or_see_the_doors()
    {
        var (buyer, tickets) = await scene.BuyAsync(scene.MainEventId, count: 2);
        const string Doors = "query($id: ID!) { eventById(id: $id) { name entryProgress { sold } checkInList(first: 1) { totalCount } } }";

        Assert.Contains("AUTH_NOT_AUTHENTICATED", await scene.Anonymous.ErrorCodesAsync(Scan, new { input = new { eventId = scene.MainEventId, code = tickets[0].Code, gate = "G" } }));
        Assert.Equal("NotAuthorizedError", (await ScanAsync(scene.ClientFor(scene.OtherOrganizer), tickets[0].Code, "G")).Errors?[0].Typename);
        Assert.Equal("NotAuthorizedError", (await ScanAsync(buyer, tickets[0].Code, "G")).Errors?[0].Typename);
        Assert.Equal(0, await CheckInsOfAsync(tickets[0].Id));
        Assert.Contains("AUTH_NOT_AUTHORIZED", await scene.ClientFor(scene.OtherOrganizer).ErrorCodesAsync(Doors, new { id = scene.MainEventId }));
        Assert.Contains("AUTH_NOT_AUTHORIZED", await buyer.ErrorCodesAsync(Doors, new { id = scene.MainEventId }));

        Assert.Null((await ScanAsync(scene.ClientFor(scene.Manager), tickets[0].Code, "G")).Errors);
        Assert.Null((await ScanAsync(scene.ClientFor(scene.Admin), tickets[1].Code, "G")).Errors);
        Assert.True((await scene.ClientFor(scene.Manager).DataAsync(Doors, new { id = scene.MainEventId })).GetProperty("eventById").GetProperty("entryProgress").GetProperty("sold").GetInt32() >= 2);
    }

    [SkippableFact]
    public async Task Two_gates_scanning_the_same_ticket_at_the_same_moment_admit_it_exactly_once()
    {
        var (_, tickets) = await scene.BuyAsync(scene.MainEventId, count: 8);
        var (north, south) = (scene.ClientFor(scene.Organizer), scene.ClientFor(scene.Manager));

        foreach (var ticket in tickets)
        {
            var start = new TaskCompletionSource();
            var scans = new[] { (north, "North"), (south, "South") }
                .Select(async gate => { await start.Task; return await ScanAsync(gate.Item1, ticket.Code, gate.Item2); }).ToList();
            start.SetResult();
            var answers = await Task.WhenAll(scans);

            var admitted = Assert.Single(answers, a => a.CheckIn is not null);
            var refused = Assert.Single(answers, a => a.CheckIn is null);
            Assert.Equal(("AlreadyCheckedInError", admitted.CheckIn!.Gate, admitted.CheckIn.CheckedInAt), (refused.Errors![0].Typename, refused.Errors[0].Gate, refused.Errors[0].CheckedInAt));
            Assert.Equal(1, await CheckInsOfAsync(ticket.Id));
        }
    }

    [SkippableFact]
    public async Task Offline_scans_merge_with_first_recorded_scan_winning_conflicts_reported_and_a_retried_upload_changing_nothing()
    {
        var (_, tickets) = await scene.BuyAsync(scene.MainEventId, count: 3);
        var staff = scene.ClientFor(scene.Organizer);
        await ScanAsync(staff, tickets[0].Code, "Online");
        var at = DateTime.UtcNow.AddMinutes(-10);
        var scans = new object[]
        {
            new { code = tickets[0].Code, gate = "Offline A", scannedAt = at },
            new { code = tickets[1].Code, gate = "Offline A", scannedAt = at.AddSeconds(1) },
            new { code = tickets[2].Code, gate = "Offline B", scannedAt = at.AddSeconds(2) },
            new { code = tickets[1].Code, gate = "Offline B", scannedAt = at.AddSeconds(3) },
            new { code = "TM1.k1.forged.code", gate = "Offline B", scannedAt = at.AddSeconds(4) },
        };

        var first = await UploadAsync(staff, scans);
        var retried = await UploadAsync(staff, scans);
        var future = (await staff.DataAsync<UploadData>(Upload, new { input = new { eventId = scene.MainEventId, scans = new[] { new { code = tickets[1].Code, gate = "X", scannedAt = DateTime.UtcNow.AddHours(1) } } } })).UploadScans;

        Assert.Equal(["CONFLICT", "ADMITTED", "ADMITTED", "CONFLICT", "REJECTED"], first.Select(r => r.Outcome));
        Assert.Equal("Online", first[0].CheckIn?.Gate);
        Assert.Equal(("Offline A", true), (first[3].CheckIn?.Gate, first[3].CheckIn?.Offline));
        Assert.NotNull(first[4].Rejection);
        Assert.Equal(["CONFLICT", "ALREADY_RECORDED", "ALREADY_RECORDED", "CONFLICT", "REJECTED"], retried.Select(r => r.Outcome));
        Assert.Equal(("InvalidFieldError", "scannedAt"), (future.Errors?[0].Typename, future.Errors?[0].Field));
        foreach (var ticket in tickets)
        {
            Assert.Equal(1, await CheckInsOfAsync(ticket.Id));
        }
    }

    [SkippableFact]
    public async Task Staff_see_entry_progress_by_gate_and_the_check_in_list_with_every_code()
    {
        var staff = scene.ClientFor(scene.Organizer);
        const string Doors = """
            query($id: ID!) {
              eventById(id: $id) {
                entryProgress { checkedIn sold byGate { gate checkedIn } lastTwoHours { from checkedIn } }
                checkInList(first: 50, where: { status: { eq: VALID } }) { totalCount nodes { code status checkIn { gate } } }
              }
            }
            """;
        var before = (await staff.DataAsync<DoorsData>(Doors, new { id = scene.OtherEventId })).EventById;
        var (_, tickets) = await scene.BuyAsync(scene.OtherEventId, count: 2);
        var gate = GraphQLClient.UniqueName("gate");
        Assert.NotNull((await ScanAsync(staff, tickets[0].Code, gate, scene.OtherEventId)).CheckIn);

        var after = (await staff.DataAsync<DoorsData>(Doors, new { id = scene.OtherEventId })).EventById;

        Assert.Equal((before.EntryProgress.Sold + 2, before.EntryProgress.CheckedIn + 1), (after.EntryProgress.Sold, after.EntryProgress.CheckedIn));
        Assert.Contains(new GateCount(gate, 1), after.EntryProgress.ByGate);
        Assert.Equal(8, after.EntryProgress.LastTwoHours.Count);
        Assert.Equal(before.EntryProgress.LastTwoHours[^1].CheckedIn + 1, after.EntryProgress.LastTwoHours[^1].CheckedIn);
        Assert.Equal(after.EntryProgress.Sold, after.CheckInList.TotalCount);
        Assert.Equal(gate, after.CheckInList.Nodes.Single(n => n.Code == tickets[0].Code).CheckIn?.Gate);
        Assert.Null(after.CheckInList.Nodes.Single(n => n.Code == tickets[1].Code).CheckIn);
    }

    private async Task<ScanPayload> ScanAsync(GraphQLClient client, string code, string gate, string? eventId = null) =>
        (await client.DataAsync<ScanData>(Scan, new { input = new { eventId = eventId ?? scene.MainEventId, code, gate } })).CheckInTicket;

    private async Task<IReadOnlyList<UploadedScan>> UploadAsync(GraphQLClient client, object[] scans)
    {
        var payload = (await client.DataAsync<UploadData>(Upload, new { input = new { eventId = scene.MainEventId, scans } })).UploadScans;
        Assert.Null(payload.Errors);
        return payload.Results!;
    }

    private Task<int> CheckInsOfAsync(string ticketId)
    {
        var id = TicketMaster.GraphQL.Relay.GlobalId.DecodeGuid(ticketId, "Ticket");
        return scene.InDatabaseAsync(db => db.CheckIns.CountAsync(c => c.TicketId == id));
    }

    private Task RefundAsync(string ticketId)
    {
        var id = TicketMaster.GraphQL.Relay.GlobalId.DecodeGuid(ticketId, "Ticket");
        return scene.InDatabaseAsync(async db =>
        {
            var order = await db.Orders.Include(o => o.Tickets).SingleAsync(o => o.Tickets.Any(t => t.Id == id));
            order.Refund();
            return await db.SaveChangesAsync();
        });
    }

    private sealed record ScanData(ScanPayload CheckInTicket);

    private sealed record ScanPayload(Admission? CheckIn, IReadOnlyList<ScanError>? Errors);

    private sealed record Admission(DateTime CheckedInAt, string Gate, bool Offline, SeatNumber Seat);

    private sealed record SeatNumber(int Number);

    private sealed record ScanError(
        [property: JsonPropertyName("__typename")] string Typename, string Message, DateTime? CheckedInAt = null, string? Gate = null, string? EventId = null, string? Status = null, string? Field = null);

    private sealed record UploadData(UploadPayload UploadScans);

    private sealed record UploadPayload(IReadOnlyList<UploadedScan>? Results, IReadOnlyList<UploadError>? Errors);

    private sealed record UploadedScan(string Code, string Outcome, string? Rejection, UploadedCheckIn? CheckIn);

    private sealed record UploadedCheckIn(string Gate, DateTime CheckedInAt, bool Offline);

    private sealed record UploadError([property: JsonPropertyName("__typename")] string Typename, string? Field = null);

    private sealed record DoorsData(Doors EventById);

    private sealed record Doors(Progress EntryProgress, ListPage CheckInList);

    private sealed record Progress(int CheckedIn, int Sold, IReadOnlyList<GateCount> ByGate, IReadOnlyList<Interval> LastTwoHours);

    private sealed record GateCount(string Gate, int CheckedIn);

    private sealed record Interval(DateTime From, int CheckedIn);

    private sealed record ListPage(int TotalCount, IReadOnlyList<ListEntry> Nodes);

    private sealed record ListEntry(string Code, string Status, GateOnly? CheckIn);

    private sealed record GateOnly(string Gate);
}

[Collection(SqliteTicketCollection.Name)]
public sealed class CheckInOnSqlite(SqliteTicketScene scene) : CheckInTests(scene);

[Collection(MariaDbTicketCollection.Name)]
public sealed class CheckInOnMariaDb(MariaDbTicketScene scene) : CheckInTests(scene);
