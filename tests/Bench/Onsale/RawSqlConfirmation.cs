using System.Data;
using System.Globalization;
using System.Text;
using MySqlConnector;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Orders;
using TicketMaster.Outbox;

namespace TicketMaster.Bench.Onsale;

/// <summary>
/// The purchase ceiling: <see cref="ConfirmReservation"/>'s statements by hand on MySqlConnector, so
/// that reserve (<see cref="RawSqlReservation"/>) plus this is the fastest a purchase can be on
/// this machine with no Api at all. Read the hold and its seats, check the idempotency key, record
/// the payment attempt, charge (the simulated gateway answers at once), record the success, then
/// one READ COMMITTED transaction: the seats locked in order, checked, sold, the hold confirmed, the
/// order, its tickets and the outbox row written in one batch; commit.
/// </summary>
public sealed class RawSqlConfirmation(string connectionString)
{
    private const string Provider = "simulated";

    public async Task<ConfirmOutcome> ConfirmAsync(Buyer buyer, string reservationId, CancellationToken cancellationToken)
    {
        var holdId = Guid.Parse(reservationId);
        var key = Guid.NewGuid().ToString("N");
        var now = DateTime.UtcNow;
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        var (eventId, amount, currency, seatIds) = await ReadHoldAsync(connection, holdId, cancellationToken);
        if (seatIds.Count == 0)
        {
            return new ConfirmOutcome(false, 0, "HoldNotFound");
        }

        if (await ScalarAsync(connection, "SELECT status FROM payments WHERE provider = @p AND idempotency_key = @k", cancellationToken, ("@p", Provider), ("@k", key)) is not null)
        {
            return new ConfirmOutcome(false, 0, "IdempotencyKeyUsed");
        }

        var payment = Payment.Start(holdId, buyer.UserId, new Money(amount, currency), Provider, key, "tok_visa", now, now.AddSeconds(15));
        await ExecuteAsync(connection,
            "INSERT INTO payments (id, created_at, hold_id, idempotency_key, provider, request_fingerprint, status, updated_at, user_id, amount, currency) "
            + "VALUES (@id, @now, @h, @k, @p, @f, 'Pending', @now, @u, @a, @c)", cancellationToken,
            ("@id", payment.Id.ToString()), ("@now", now), ("@h", holdId.ToString()), ("@k", key), ("@p", Provider),
            ("@f", payment.RequestFingerprint), ("@u", buyer.UserId), ("@a", amount), ("@c", currency));
        await ExecuteAsync(connection, "UPDATE payments SET provider_reference = @r, status = 'Succeeded' WHERE id = @id", cancellationToken,
            ("@r", $"ch_{Guid.NewGuid():N}"), ("@id", payment.Id.ToString()));

        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var seatList = string.Join(", ", seatIds.Select((_, i) => $"@s{i}"));
        var prices = new List<decimal>();
        await using (var select = Command(connection, transaction,
            $"SELECT status, hold_id, price FROM event_seats FORCE INDEX (PRIMARY) WHERE event_id = @e AND seat_id IN ({seatList}) ORDER BY seat_id FOR UPDATE",
            ("@e", eventId)))
        {
            RawSqlReservation.AddSeats(select, seatIds);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if ((SeatStatus)reader.GetByte(0) != SeatStatus.Held || reader.IsDBNull(1) || reader.GetGuid(1) != holdId)
                {
                    return new ConfirmOutcome(false, 0, "HoldExpired");
                }

                prices.Add(reader.GetDecimal(2));
            }
        }

        var orderId = Guid.CreateVersion7(now);
        var message = OutboxMessage.Create(OutboxMessageTypes.SeatsChanged, eventId.ToString(CultureInfo.InvariantCulture), new SeatsChanged(eventId, seatIds, SeatStatus.Sold, holdId), now);
        var sql = new StringBuilder()
            .Append($"UPDATE event_seats SET status = {(byte)SeatStatus.Sold}, order_id = @o, hold_expires_at = NULL WHERE event_id = @e AND seat_id IN ({seatList});")
            .Append("UPDATE holds SET status = 'Confirmed' WHERE id = @h;")
            .Append("INSERT INTO orders (id, created_at, event_id, hold_id, payment_id, status, user_id, amount, currency) VALUES (@o, @now, @e, @h, @pay, 'Completed', @u, @a, @c);")
            .Append("INSERT INTO tickets (id, event_id, order_id, seat_id, status, amount, currency) VALUES ")
            .AppendJoin(", ", seatIds.Select((_, i) => $"(@t{i}, @e, @o, @s{i}, 'Valid', @p{i}, @c)")).Append(';')
            .Append("INSERT INTO outbox_messages (type, aggregate_id, payload, created_at) VALUES (@type, @aggregate, @payload, @now);");
        await using (var write = Command(connection, transaction, sql.ToString(),
            ("@o", orderId.ToString()), ("@e", eventId), ("@h", holdId.ToString()), ("@now", now), ("@pay", payment.Id.ToString()), ("@u", buyer.UserId),
            ("@a", prices.Sum()), ("@c", currency), ("@type", message.Type), ("@aggregate", message.AggregateId), ("@payload", message.Payload)))
        {
            RawSqlReservation.AddSeats(write, seatIds);
            for (var i = 0; i < seatIds.Count; i++)
            {
                write.Parameters.AddWithValue($"@t{i}", Guid.CreateVersion7(now).ToString());
                write.Parameters.AddWithValue($"@p{i}", prices[i]);
            }

            await write.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new ConfirmOutcome(true, seatIds.Count);
    }

    private static async Task<(int EventId, decimal Amount, string Currency, List<int> SeatIds)> ReadHoldAsync(MySqlConnection connection, Guid holdId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null,
            "SELECT h.event_id, h.amount, h.currency, s.seat_id FROM holds h JOIN hold_seats s ON s.hold_id = h.id WHERE h.id = @h AND h.status = 'Active' ORDER BY s.seat_id",
            ("@h", holdId.ToString()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var (eventId, amount, currency, seats) = (0, 0m, "", new List<int>());
        while (await reader.ReadAsync(cancellationToken))
        {
            (eventId, amount, currency) = (reader.GetInt32(0), reader.GetDecimal(1), reader.GetString(2));
            seats.Add(reader.GetInt32(3));
        }

        return (eventId, amount, currency, seats);
    }

    private static MySqlCommand Command(MySqlConnection connection, MySqlTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = new MySqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static async Task<object?> ScalarAsync(MySqlConnection connection, string sql, CancellationToken cancellationToken, params (string, object)[] parameters)
    {
        await using var command = Command(connection, null, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql, CancellationToken cancellationToken, params (string, object)[] parameters)
    {
        await using var command = Command(connection, null, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
