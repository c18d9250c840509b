using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.Tickets;

/// <summary>Admits the holder of a ticket code at a gate of the event: the first scan only.</summary>
public sealed class CheckInTicket(TicketMasterDbContext db, TicketCodes codes, TimeProvider clock)
{
    public Task<CheckIn> ExecuteAsync(int staffId, int eventId, string code, string gate, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return AdmitAsync(staffId, eventId, code, gate, now, now, offline: false, cancellationToken);
    }

    /// <summary>The one rule online scans and uploaded offline scans share.</summary>
    internal async Task<CheckIn> AdmitAsync(int staffId, int eventId, string code, string gate, DateTime scannedAt, DateTime now, bool offline, CancellationToken cancellationToken)
    {
        var claim = codes.Verify(code) ?? throw new TicketCodeInvalidException();
        if (claim.EventId != eventId)
        {
            throw new TicketForAnotherEventException(claim.EventId);
        }

        // A signed code for a ticket that does not exist (a restored or reset database) is as good as forged.
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == claim.TicketId, cancellationToken);
        if (ticket is null || ticket.EventId != claim.EventId || ticket.SeatId != claim.SeatId)
        {
            throw new TicketCodeInvalidException();
        }

        if (await FirstAsync(ticket.Id, cancellationToken) is { } first)
        {
            throw new AlreadyCheckedInException(first.ScannedAt, first.Gate);
        }

        var checkIn = CheckIn.Admit(ticket, gate, staffId, scannedAt, now, offline);
        db.CheckIns.Add(checkIn);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return checkIn;
        }
        catch (DbUpdateException)
        {
            // Another gate's scan of the same ticket committed between the look and the insert:
            // the unique index refused this one, and that scan is the one that admitted.
            db.ChangeTracker.Clear();
            var winner = await FirstAsync(ticket.Id, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            throw new AlreadyCheckedInException(winner.ScannedAt, winner.Gate);
        }
    }

    /// <summary>The ticket a code names; only called for a code that verified.</summary>
    internal Guid TicketIdOf(string code) => codes.Verify(code)!.TicketId;

    internal Task<CheckIn?> FirstAsync(Guid ticketId, CancellationToken cancellationToken) =>
        db.CheckIns.AsNoTracking().SingleOrDefaultAsync(c => c.TicketId == ticketId, cancellationToken);
}
