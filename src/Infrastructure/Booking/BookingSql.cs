using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using TicketMaster.Common;
using TicketMaster.Outbox;
using TicketMaster.Persistence;

namespace TicketMaster.Booking;

/// <summary>
/// The booking path's hand-written SQL, and the one place the providers differ: the locking read,
/// and the writes of a reservation and of a confirmation (ADR 0009).
/// MySQL: a locking read on the inventory primary key, rows in seat order so two buyers with
/// overlapping seats queue instead of deadlocking; FORCE INDEX because a read through the seat_id
/// index would lock that seat in every event (ADR 0001). The statement is executed as written:
/// EF composes nothing on it, since a FOR UPDATE around a subquery would not lock its rows.
/// SQLite: no FOR UPDATE; the caller's transaction began IMMEDIATE, which already excludes every
/// other writer.
/// Registered once as the <see cref="IBookingStore"/> the use cases are given; it keeps no state.
/// </summary>
internal sealed class BookingSql : IBookingStore
{
    /// <summary>MySQL: READ COMMITTED (REPEATABLE READ takes next-key locks, MDEV-30225). SQLite: BEGIN IMMEDIATE.</summary>
    public Task<IDbContextTransaction> BeginAsync(TicketMasterDbContext db, CancellationToken cancellationToken) =>
        db.IsMySql
            ? db.Database.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken)
            : db.Database.BeginTransactionAsync(cancellationToken);

    /// <summary>
    /// Locks and reads the seats, in seat order. Read by hand rather than through FromSql: EF
    /// re-processes a FromSql query's SQL on every execution and buffers its reader, which cost as
    /// much of the Api's CPU per reservation as the statement's own execution (ADR 0009).
    /// </summary>
    /// <param name="tracked">True when the caller changes the seats through SaveChanges.</param>
    public async Task<List<EventSeat>> LockAsync(
        TicketMasterDbContext db, int eventId, IReadOnlyCollection<int> seatIds, bool skipRowLocks, bool tracked, CancellationToken cancellationToken)
    {
        var sql = new Statement();
        var mySql = db.IsMySql;
        var text = "SELECT event_id, seat_id, section_id, price, status, hold_id, hold_expires_at, order_id " +
            $"FROM event_seats{(mySql ? " FORCE INDEX (PRIMARY)" : "")} WHERE event_id = {sql.Parameter(eventId)} AND seat_id IN ({sql.List(seatIds.Distinct().Order())}) ORDER BY seat_id" +
            (mySql && !skipRowLocks ? " FOR UPDATE" : "");
        var (command, parameters) = Prepare(db, sql, text);
        var seats = new List<EventSeat>(seatIds.Count);
        await using (var reader = await command.ExecuteReaderAsync(parameters, cancellationToken))
        {
            var row = reader.DbDataReader;
            while (await row.ReadAsync(cancellationToken))
            {
                seats.Add(EventSeat.Read(
                    eventId: row.GetInt32(0), seatId: row.GetInt32(1), sectionId: row.GetInt32(2), price: row.GetDecimal(3), status: (SeatStatus)row.GetByte(4),
                    holdId: row.IsDBNull(5) ? null : row.GetGuid(5), holdExpiresAt: row.IsDBNull(6) ? null : row.GetDateTime(6), orderId: row.IsDBNull(7) ? null : row.GetGuid(7)));
            }
        }

        if (tracked)
        {
            db.AttachRange(seats);
        }

        return seats;
    }

    /// <summary>Locks the account's users row on MySQL; SQLite's IMMEDIATE transaction already excludes every other writer.</summary>
    public async Task LockAccountAsync(TicketMasterDbContext db, int userId, CancellationToken cancellationToken)
    {
        if (!db.IsMySql)
        {
            return;
        }

        var sql = new Statement();
        var (command, parameters) = Prepare(db, sql, $"SELECT id FROM users WHERE id = {sql.Parameter(userId)} FOR UPDATE");
        await command.ExecuteScalarAsync(parameters, cancellationToken);
    }

    /// <summary>
    /// Writes a new hold in one round trip: its seats marked held (one UPDATE of the rows the
    /// caller has locked), the hold, its seat list and the outbox row the hold and its seats
    /// recorded. SaveChanges sends an UPDATE and a row-count check per seat and reads back each
    /// insert: twice the statements for MariaDB, and measured at a third of the Api's CPU per
    /// reservation (ADR 0009).
    /// </summary>
    public Task InsertHoldAsync(TicketMasterDbContext db, Hold hold, IReadOnlyList<EventSeat> seats, CancellationToken cancellationToken)
    {
        var sql = new Statement();
        var (holdId, eventId, expiresAt) = (sql.Parameter(hold.Id), sql.Parameter(hold.EventId), sql.Parameter(hold.ExpiresAt));
        var seatIds = hold.Seats.Select(s => s.SeatId).ToList();
        var heldSeats = hold.Seats.Select(s => $"({holdId}, {sql.Parameter(s.SeatId)}, {eventId}, {(s.Price is { } price ? sql.Parameter(price) : "NULL")})");
        var writes = $"""
            UPDATE event_seats SET status = {sql.Parameter((byte)SeatStatus.Held)}, hold_id = {holdId}, hold_expires_at = {expiresAt}
            WHERE event_id = {eventId} AND seat_id IN ({sql.List(seatIds)});
            INSERT INTO holds (id, user_id, event_id, status, created_at, expires_at, amount, currency)
            VALUES ({holdId}, {sql.Parameter(hold.UserId)}, {eventId}, {sql.Parameter(hold.Status.ToString())}, {sql.Parameter(hold.CreatedAt)}, {expiresAt}, {sql.Parameter(hold.Total.Amount)}, {sql.Parameter(hold.Total.Currency)});
            INSERT INTO hold_seats (hold_id, seat_id, event_id, price) VALUES {string.Join(", ", heldSeats)};
            """;
        return WriteWithOutboxAsync(db, sql, writes, [hold, .. seats], cancellationToken);
    }

    /// <summary>
    /// Writes a confirmed hold's order in one round trip: its seats sold (one UPDATE of the rows
    /// the caller has locked), the hold confirmed, the order, its tickets and the outbox row the
    /// hold and its seats recorded.
    /// </summary>
    public Task InsertOrderAsync(TicketMasterDbContext db, Hold hold, Orders.Order order, IReadOnlyList<EventSeat> seats, CancellationToken cancellationToken)
    {
        var sql = new Statement();
        var (orderId, eventId, currency) = (sql.Parameter(order.Id), sql.Parameter(order.EventId), sql.Parameter(order.Total.Currency));
        var writes = $"""
            UPDATE event_seats SET status = {sql.Parameter((byte)SeatStatus.Sold)}, order_id = {orderId}, hold_expires_at = NULL
            WHERE event_id = {eventId} AND seat_id IN ({sql.List(order.Tickets.Select(t => t.SeatId))});
            UPDATE holds SET status = {sql.Parameter(hold.Status.ToString())} WHERE id = {sql.Parameter(hold.Id)};
            INSERT INTO orders (id, user_id, event_id, hold_id, payment_id, status, created_at, amount, currency)
            VALUES ({orderId}, {sql.Parameter(order.UserId)}, {eventId}, {sql.Parameter(order.HoldId)}, {sql.Parameter(order.PaymentId)}, {sql.Parameter(order.Status.ToString())}, {sql.Parameter(order.CreatedAt)}, {sql.Parameter(order.Total.Amount)}, {currency});
            INSERT INTO tickets (id, order_id, event_id, seat_id, status, amount, currency) VALUES {string.Join(", ", order.Tickets.Select(ticket =>
                $"({sql.Parameter(ticket.Id)}, {orderId}, {eventId}, {sql.Parameter(ticket.SeatId)}, {sql.Parameter(ticket.Status.ToString())}, {sql.Parameter(ticket.Price.Amount)}, {currency})"))};
            """;
        return WriteWithOutboxAsync(db, sql, writes, [hold, .. seats], cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="writes"/>, inserts the outbox row for what <paramref name="recorders"/>
    /// recorded, reads its generated id back and reports it to the step (<see cref="TicketMasterDbContext.OutboxWritten"/>).
    /// A booking step changes one hold, so it records exactly one row's worth (<see cref="HoldChanged"/>).
    /// </summary>
    private static async Task WriteWithOutboxAsync(TicketMasterDbContext db, Statement sql, string writes, IHasDomainEvents[] recorders, CancellationToken cancellationToken)
    {
        var pending = DomainEventOutbox.Messages(recorders, db.Clock.GetUtcNow().UtcDateTime);
        var written = pending is [var only]
            ? only
            : throw new InvalidOperationException($"A booking step writes exactly one outbox row; its entities recorded {pending.Count}.");
        var message = written.Message;
        var text = $"""
            {writes}
            INSERT INTO outbox_messages (type, aggregate_id, payload, created_at)
            VALUES ({sql.Parameter(message.Type)}, {sql.Parameter(message.AggregateId)}, {sql.Parameter(message.Payload)}, {sql.Parameter(message.CreatedAt)});
            SELECT {(db.IsMySql ? "LAST_INSERT_ID()" : "last_insert_rowid()")};
            """;

        var (command, parameters) = Prepare(db, sql, text);
        var id = await command.ExecuteScalarAsync(parameters, cancellationToken);
        message.Written(Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture));
        Array.ForEach(recorders, recorder => recorder.ClearDomainEvents());
        db.OutboxWritten?.Invoke(written);
    }

    /// <summary>
    /// Through EF's own command pipeline: its connection and transaction, interceptors, logging,
    /// and each parameter typed by the provider as EF types that column (Guid, DateTime, decimal).
    /// </summary>
    private static (IRelationalCommand Command, RelationalCommandParameterObject Parameters) Prepare(TicketMasterDbContext db, Statement sql, string text)
    {
        var command = db.GetService<IRawSqlCommandBuilder>().Build(text, sql.Values, db.Model);
        return (command.RelationalCommand, new RelationalCommandParameterObject(
            db.GetService<IRelationalConnection>(), command.ParameterValues, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>(), CommandSource.ExecuteSqlRaw));
    }

    /// <summary>Collects parameter values and hands out their <c>{n}</c> placeholders, which EF turns into parameters.</summary>
    private sealed class Statement
    {
        private readonly List<object> _values = [];

        public object[] Values => [.. _values];

        public string Parameter(object value)
        {
            _values.Add(value);
            return $"{{{_values.Count - 1}}}";
        }

        public string List(IEnumerable<int> values) => string.Join(", ", values.Select(value => Parameter(value)));
    }
}
