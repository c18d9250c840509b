using System.Globalization;
using MySqlConnector;

namespace TicketMaster.Bench.Onsale;

/// <summary>
/// What the database says after the run, counted by SQL rather than trusted from the client:
/// seats sold twice, sold seats without exactly one valid ticket, tickets whose seat does not point
/// back at their order, seats held by two active holds.
/// </summary>
public static class IntegrityCheck
{
    public static async Task<IntegrityResult> RunAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        var oversold = await CountAsync(connection, """
            SELECT COUNT(*) FROM (
              SELECT event_id, seat_id FROM tickets WHERE status = 'Valid' GROUP BY event_id, seat_id HAVING COUNT(*) > 1
            ) AS sold_twice
            """, cancellationToken);
        var ticketsNotMatchingSeat = await CountAsync(connection, """
            SELECT COUNT(*) FROM tickets t
            JOIN event_seats s ON s.event_id = t.event_id AND s.seat_id = t.seat_id
            WHERE t.status = 'Valid' AND (s.status <> 2 OR s.order_id IS NULL OR s.order_id <> t.order_id)
            """, cancellationToken);
        var doubleHeld = await CountAsync(connection, """
            SELECT COUNT(*) FROM (
              SELECT hs.event_id, hs.seat_id FROM hold_seats hs JOIN holds h ON h.id = hs.hold_id
              WHERE h.status = 'Active' GROUP BY hs.event_id, hs.seat_id HAVING COUNT(*) > 1
            ) AS held_twice
            """, cancellationToken);

        var events = new List<EventIntegrity>();
        await using (var command = new MySqlCommand("""
            SELECT e.id, e.name,
              (SELECT COUNT(*) FROM event_seats s WHERE s.event_id = e.id AND s.status = 1) AS held_seats,
              (SELECT COUNT(*) FROM event_seats s WHERE s.event_id = e.id AND s.status = 2) AS sold_seats,
              (SELECT COUNT(*) FROM tickets t WHERE t.event_id = e.id AND t.status = 'Valid') AS valid_tickets,
              (SELECT COUNT(*) FROM orders o WHERE o.event_id = e.id) AS orders,
              (SELECT COUNT(*) FROM holds h WHERE h.event_id = e.id AND h.status = 'Active') AS active_holds
            FROM events e ORDER BY e.id
            """, connection))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                events.Add(new EventIntegrity(
                    reader.GetInt32(0), reader.GetString(1), ToInt(reader.GetValue(2)), ToInt(reader.GetValue(3)),
                    ToInt(reader.GetValue(4)), ToInt(reader.GetValue(5)), ToInt(reader.GetValue(6))));
            }
        }

        return new IntegrityResult(oversold, ticketsNotMatchingSeat, doubleHeld, events);
    }

    private static async Task<int> CountAsync(MySqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(sql, connection);
        return ToInt(await command.ExecuteScalarAsync(cancellationToken));
    }

    private static int ToInt(object? value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);
}

/// <param name="OversoldSeats">Seats with more than one valid ticket. Must be 0.</param>
/// <param name="TicketsNotMatchingSeat">Valid tickets whose seat is not sold to their order. Must be 0.</param>
/// <param name="DoubleHeldSeats">Seats in two active holds at once. Must be 0.</param>
public sealed record IntegrityResult(int OversoldSeats, int TicketsNotMatchingSeat, int DoubleHeldSeats, IReadOnlyList<EventIntegrity> Events)
{
    /// <summary>Sold seats and valid tickets must be the same number for every event.</summary>
    public int SoldWithoutTicket => Events.Sum(e => Math.Abs(e.SoldSeats - e.ValidTickets));

    public bool IsConsistent => OversoldSeats == 0 && TicketsNotMatchingSeat == 0 && DoubleHeldSeats == 0 && SoldWithoutTicket == 0;
}

public sealed record EventIntegrity(int EventId, string Name, int HeldSeats, int SoldSeats, int ValidTickets, int Orders, int ActiveHolds);
