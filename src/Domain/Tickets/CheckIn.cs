using System.Globalization;
using TicketMaster.Common;
using TicketMaster.Orders;

namespace TicketMaster.Tickets;

/// <summary>
/// A ticket's admission at the door. At most one per ticket: a unique index on the ticket id makes
/// the database the judge when two gates scan the same code at once (ADR 0018).
/// </summary>
public sealed class CheckIn : Entity
{
    public const int MaxGateLength = 64;

    private CheckIn()
    {
    }

    public Guid Id { get; private set; }

    public Guid TicketId { get; private set; }

    public int EventId { get; private set; }

    /// <summary>The ticket's seat, so the door can say where to go and the list needs no join.</summary>
    public int SeatId { get; private set; }

    /// <summary>Where it was scanned, as the scanner names its gate ("North 2").</summary>
    public string Gate { get; private set; } = "";

    /// <summary>When the scanner admitted the holder; for an offline scan, the scanner's own clock.</summary>
    public DateTime ScannedAt { get; private set; }

    /// <summary>When the server learnt of it: the scan itself online, the upload offline.</summary>
    public DateTime RecordedAt { get; private set; }

    /// <summary>The staff account that scanned or uploaded it.</summary>
    public int ScannedBy { get; private set; }

    public bool Offline { get; private set; }

    /// <summary>Admits a valid ticket; the caller has checked the code belongs to <paramref name="ticket"/>'s event.</summary>
    public static CheckIn Admit(Ticket ticket, string gate, int scannedBy, DateTime scannedAt, DateTime now, bool offline)
    {
        if (ticket.Status != TicketStatus.Valid)
        {
            throw new TicketNotAdmittingException(ticket.Status);
        }

        var checkIn = new CheckIn
        {
            Id = Guid.CreateVersion7(now),
            TicketId = ticket.Id,
            EventId = ticket.EventId,
            SeatId = ticket.SeatId,
            Gate = Guard.NotBlank(gate, "gate", MaxGateLength),
            // Whole milliseconds: what both databases store, so a re-uploaded scan compares equal.
            ScannedAt = Guard.Utc(scannedAt, "scannedAt").AddTicks(-(scannedAt.Ticks % TimeSpan.TicksPerMillisecond)),
            RecordedAt = now,
            ScannedBy = scannedBy,
            Offline = offline,
        };
        checkIn.Record(() => new TicketCheckedIn(checkIn.EventId, checkIn.TicketId, checkIn.Gate, checkIn.ScannedAt));
        return checkIn;
    }

    /// <summary>Whether an uploaded scan is this very check-in sent again (a scanner retrying its upload).</summary>
    public bool IsSameScan(string gate, DateTime scannedAt) =>
        Gate == gate.Trim() && Math.Abs((ScannedAt - scannedAt).TotalMilliseconds) < 1;
}

/// <summary>A ticket admitted someone; for entry-progress consumers and notifications.</summary>
public sealed record TicketCheckedIn(int EventId, Guid TicketId, string Gate, DateTime ScannedAt) : IDomainEvent
{
    public const string TypeName = "TicketCheckedIn";

    string IDomainEvent.Type => TypeName;

    string IDomainEvent.AggregateId => EventId.ToString(CultureInfo.InvariantCulture);
}
