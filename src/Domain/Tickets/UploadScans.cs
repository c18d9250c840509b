using TicketMaster.Common;
using TicketMaster.Persistence;

namespace TicketMaster.Tickets;

/// <summary>One scan an offline scanner made: the code, the gate, the scanner's time.</summary>
public sealed record OfflineScan(string Code, string Gate, DateTime ScannedAt);

public enum ScanOutcome
{
    /// <summary>This scan admitted the ticket; it is now checked in.</summary>
    Admitted,

    /// <summary>This very scan was uploaded before (same gate and time): nothing changed.</summary>
    AlreadyRecorded,

    /// <summary>The ticket was checked in by another scan first: two people may have entered on it.</summary>
    Conflict,

    /// <summary>The code was refused: forged, for another event, or a ticket that admits no one.</summary>
    Rejected,
}

/// <param name="CheckIn">The ticket's check-in as it stands (the first scan), when there is one.</param>
/// <param name="Rejection">Why a rejected scan was refused.</param>
public sealed record ScanResult(string Code, ScanOutcome Outcome, CheckIn? CheckIn, DomainException? Rejection);

/// <summary>
/// Merges what an offline scanner recorded, in the order it scanned: each scan goes through the
/// same rule as an online one (first recorded scan wins), and a retried upload changes nothing.
/// </summary>
public sealed class UploadScans(TicketMasterDbContext db, TicketCodes codes, TimeProvider clock)
{
    // The online rule itself, so both paths admit the same way.
    private readonly CheckInTicket _checkIn = new(db, codes, clock);

    public const int MaxScans = 500;

    public async Task<IReadOnlyList<ScanResult>> ExecuteAsync(int staffId, int eventId, IReadOnlyList<OfflineScan> scans, CancellationToken cancellationToken)
    {
        if (scans.Count is 0 or > MaxScans)
        {
            throw new InvalidFieldException("scans", $"must hold 1 to {MaxScans} scans");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (scans.FirstOrDefault(s => s.ScannedAt.ToUniversalTime() > now.AddMinutes(5)) is { } future)
        {
            throw new InvalidFieldException("scannedAt", $"must not be in the future ({future.ScannedAt:u} is; check the scanner's clock)");
        }

        var results = new List<ScanResult>(scans.Count);
        foreach (var scan in scans.OrderBy(s => s.ScannedAt))
        {
            results.Add(await MergeAsync(staffId, eventId, scan, now, cancellationToken));
        }

        return results;
    }

    private async Task<ScanResult> MergeAsync(int staffId, int eventId, OfflineScan scan, DateTime now, CancellationToken cancellationToken)
    {
        try
        {
            var admitted = await _checkIn.AdmitAsync(staffId, eventId, scan.Code, scan.Gate, scan.ScannedAt.ToUniversalTime(), now, offline: true, cancellationToken);
            return new ScanResult(scan.Code, ScanOutcome.Admitted, admitted, null);
        }
        catch (AlreadyCheckedInException)
        {
            var first = await _checkIn.FirstAsync(_checkIn.TicketIdOf(scan.Code), cancellationToken);
            var outcome = first is not null && first.IsSameScan(scan.Gate, scan.ScannedAt.ToUniversalTime()) ? ScanOutcome.AlreadyRecorded : ScanOutcome.Conflict;
            return new ScanResult(scan.Code, outcome, first, null);
        }
        catch (DomainException refused) when (refused is TicketCodeInvalidException or TicketForAnotherEventException or TicketNotAdmittingException or InvalidFieldException)
        {
            return new ScanResult(scan.Code, ScanOutcome.Rejected, null, refused);
        }
    }
}
