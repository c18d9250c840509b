using System.Data;
using System.Globalization;
using System.Text;
using MySqlConnector;
using TicketMaster.Booking;
using TicketMaster.Outbox;

namespace TicketMaster.Bench.Onsale;

/// <summary>
/// The baseline: the reserve transaction of <see cref="ReserveSeats"/> written by hand against
/// MySqlConnector: no HTTP, no GraphQL, no EF. READ COMMITTED; the event and the buyer's active-hold count in one read; the
/// locking read on the inventory primary key in seat order; the availability check; the seats
/// marked held, the hold, its seats and the outbox row written in one batch; commit. Deadlocks and
/// lock-wait timeouts are retried like the execution strategy does.
/// </summary>
public sealed class RawSqlReservation(string connectionString)
{
    private const int MaxRetries = 5;
    private int _retries;

    public int Retries => _retries;

    public async Task<ReserveOutcome> ReserveAsync(Buyer buyer, int eventId, int[] seatIds, CancellationToken cancellationToken)
    {
        var wanted = seatIds.Distinct().Order().ToArray();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await ReserveOnceAsync(buyer.UserId, eventId, wanted, cancellationToken);
            }
            catch (MySqlException e) when (e.ErrorCode is MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout && attempt < MaxRetries)
            {
                Interlocked.Increment(ref _retries);
            }
            catch (MySqlException e)
            {
                return new ReserveOutcome(ReserveResult.Failed, Error: $"mysql_{(int)e.ErrorCode}");
            }
        }
    }

    private async Task<ReserveOutcome> ReserveOnceAsync(int userId, int eventId, int[] seatIds, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var holdId = Guid.CreateVersion7(now);
        var expiresAt = now + Hold.DefaultDuration;
        var seatList = string.Join(", ", seatIds.Select((_, i) => $"@s{i}"));

        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

        string currency;
        await using (var state = new MySqlCommand(
            "SELECT e.status, e.currency, (SELECT COUNT(*) FROM holds h WHERE h.user_id = @u AND h.event_id = e.id AND h.status = 'Active' AND h.expires_at > @now) " +
            "FROM events e WHERE e.id = @e", connection, transaction))
        {
            state.Parameters.AddWithValue("@u", userId);
            state.Parameters.AddWithValue("@e", eventId);
            state.Parameters.AddWithValue("@now", now);
            await using var reader = await state.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return new ReserveOutcome(ReserveResult.Failed, Error: "EventNotFound");
            }

            currency = reader.GetString(1);
            if (reader.GetInt64(2) >= 2)
            {
                return new ReserveOutcome(ReserveResult.Failed, Error: "TooManyHolds");
            }
        }

        var found = 0;
        var available = true;
        var total = 0m;
        await using (var select = new MySqlCommand(
            $"SELECT seat_id, status, hold_expires_at, price FROM event_seats FORCE INDEX (PRIMARY) WHERE event_id = @e AND seat_id IN ({seatList}) ORDER BY seat_id FOR UPDATE",
            connection, transaction))
        {
            select.Parameters.AddWithValue("@e", eventId);
            AddSeats(select, seatIds);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found++;
                var status = (SeatStatus)reader.GetByte(1);
                var expired = status == SeatStatus.Held && !reader.IsDBNull(2) && reader.GetDateTime(2) <= now;
                available &= status == SeatStatus.Available || expired;
                total += reader.GetDecimal(3);
            }
        }

        if (found != seatIds.Length)
        {
            return new ReserveOutcome(ReserveResult.Failed, Error: "SeatsNotInEvent");
        }

        if (!available)
        {
            // Disposing the transaction rolls it back and releases the row locks.
            return new ReserveOutcome(ReserveResult.Conflict);
        }

        var outbox = OutboxMessage.Create(
            OutboxMessageTypes.SeatsChanged, eventId.ToString(CultureInfo.InvariantCulture), new SeatsChanged(eventId, seatIds, SeatStatus.Held, holdId), now);
        var sql = new StringBuilder()
            .Append($"UPDATE event_seats SET status = {(byte)SeatStatus.Held}, hold_id = @h, hold_expires_at = @x WHERE event_id = @e AND seat_id IN ({seatList});")
            .Append("INSERT INTO holds (id, user_id, event_id, status, created_at, expires_at, amount, currency) VALUES (@h, @u, @e, 'Active', @now, @x, @total, @currency);")
            .Append("INSERT INTO hold_seats (hold_id, seat_id, event_id) VALUES ")
            .AppendJoin(", ", seatIds.Select((_, i) => $"(@h, @s{i}, @e)")).Append(';')
            .Append("INSERT INTO outbox_messages (type, aggregate_id, payload, created_at) VALUES (@type, @aggregate, @payload, @now);");
        await using (var write = new MySqlCommand(sql.ToString(), connection, transaction))
        {
            write.Parameters.AddWithValue("@h", holdId.ToString());
            write.Parameters.AddWithValue("@x", expiresAt);
            write.Parameters.AddWithValue("@e", eventId);
            write.Parameters.AddWithValue("@u", userId);
            write.Parameters.AddWithValue("@now", now);
            write.Parameters.AddWithValue("@total", total);
            write.Parameters.AddWithValue("@currency", currency);
            write.Parameters.AddWithValue("@type", outbox.Type);
            write.Parameters.AddWithValue("@aggregate", outbox.AggregateId);
            write.Parameters.AddWithValue("@payload", outbox.Payload);
            AddSeats(write, seatIds);
            await write.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new ReserveOutcome(ReserveResult.Held, holdId.ToString());
    }

    /// <summary>Binds <c>@s0</c>, <c>@s1</c>, … to the seat ids.</summary>
    internal static void AddSeats(MySqlCommand command, IReadOnlyList<int> seatIds)
    {
        for (var i = 0; i < seatIds.Count; i++)
        {
            command.Parameters.AddWithValue($"@s{i}", seatIds[i]);
        }
    }
}
