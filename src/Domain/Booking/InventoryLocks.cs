using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.Booking;

/// <summary>
/// The booking path's one piece of hand-written SQL, and the one place the providers differ.
/// MySQL: a locking read on the inventory primary key, rows in seat order so two buyers with
/// overlapping seats queue instead of deadlocking; FORCE INDEX because a read through the seat_id
/// index would lock that seat in every event (ADR 0001). The statement is executed as written:
/// EF composes nothing on it, since a FOR UPDATE around a subquery would not lock its rows.
/// SQLite: no FOR UPDATE; the caller's transaction began IMMEDIATE, which already excludes every
/// other writer.
/// </summary>
internal static class InventoryLocks
{
    public static Task<List<EventSeat>> LockAsync(
        TicketMasterDbContext db, int eventId, IReadOnlyCollection<int> seatIds, bool skipRowLocks, CancellationToken cancellationToken)
    {
        var ordered = seatIds.Distinct().Order().ToArray();
        var parameters = new object[ordered.Length + 1];
        parameters[0] = eventId;
        var placeholders = new string[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            parameters[i + 1] = ordered[i];
            placeholders[i] = $"{{{i + 1}}}";
        }

        var mySql = db.Database.IsMySql();
        var sql = $"SELECT * FROM event_seats{(mySql ? " FORCE INDEX (PRIMARY)" : "")} " +
            $"WHERE event_id = {{0}} AND seat_id IN ({string.Join(", ", placeholders)}) ORDER BY seat_id" +
            (mySql && !skipRowLocks ? " FOR UPDATE" : "");
        return db.EventSeats.FromSqlRaw(sql, parameters).ToListAsync(cancellationToken);
    }

    /// <summary>MySQL: READ COMMITTED (REPEATABLE READ takes next-key locks, MDEV-30225). SQLite: BEGIN IMMEDIATE.</summary>
    public static Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAsync(TicketMasterDbContext db, CancellationToken cancellationToken) =>
        db.Database.IsMySql()
            ? db.Database.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken)
            : db.Database.BeginTransactionAsync(cancellationToken);
}
