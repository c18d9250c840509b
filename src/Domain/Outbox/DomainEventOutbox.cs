using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Persistence;

namespace TicketMaster.Outbox;

/// <param name="Seats">For a booking row: its hold and sections, which the booking step publishes after commit.</param>
internal sealed record PendingOutboxMessage(OutboxMessage Message, HoldSeatsChange? Seats);

/// <summary>
/// The one place recorded domain events become outbox rows. Every writer goes through it: SaveChanges
/// (<see cref="TicketMasterDbContext"/>), the bulk loader, and the booking path's hand-written batch.
/// </summary>
internal static class DomainEventOutbox
{
    // Four parameters a row; SQLite looks parameters up in a linear list, so statements stay modest.
    private const int RowsPerStatement = 250;

    /// <summary>
    /// The rows for what <paramref name="entities"/> recorded, in recording order. A hold's change and
    /// its seats' changes become one SeatsChanged row (<see cref="HoldSeatsChange.Combine"/>).
    /// </summary>
    public static List<PendingOutboxMessage> Messages(IEnumerable<IHasDomainEvents> entities, DateTime now)
    {
        var messages = new List<PendingOutboxMessage>();
        var seats = new List<IDomainEvent>();
        foreach (var recorded in entities.SelectMany(entity => entity.DomainEvents))
        {
            if (recorded is HoldChanged or SeatStatusChanged)
            {
                seats.Add(recorded);
            }
            else
            {
                messages.Add(new PendingOutboxMessage(OutboxMessage.From(recorded, now), null));
            }
        }

        foreach (var change in HoldSeatsChange.Combine(seats))
        {
            var message = OutboxMessage.Create(OutboxMessageTypes.SeatsChanged, change.Change.EventId.ToString(CultureInfo.InvariantCulture), change.Change, now);
            messages.Add(new PendingOutboxMessage(message, change));
        }

        return messages;
    }

    /// <summary>
    /// Inserts rows whose generated ids nobody reads back (bulk loading; events of entities whose
    /// own keys their insert generated), in multi-row statements on the context's connection and transaction.
    /// </summary>
    public static async Task InsertAsync(TicketMasterDbContext db, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var chunk in messages.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder("INSERT INTO outbox_messages (type, aggregate_id, payload, created_at) VALUES ");
            var values = new object[chunk.Length * 4];
            for (var row = 0; row < chunk.Length; row++)
            {
                var first = row * 4;
                (values[first], values[first + 1], values[first + 2], values[first + 3]) = (chunk[row].Type, chunk[row].AggregateId, chunk[row].Payload, chunk[row].CreatedAt);
                sql.Append(CultureInfo.InvariantCulture, $"{(row == 0 ? "" : ", ")}({{{first}}}, {{{first + 1}}}, {{{first + 2}}}, {{{first + 3}}})");
            }

            await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, cancellationToken);
        }
    }
}
