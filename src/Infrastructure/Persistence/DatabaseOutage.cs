using System.Data.Common;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace TicketMaster.Persistence;

/// <summary>
/// Whether a failure means "the database is not answering" (down, restarting, unreachable, or SQLite's file locked
/// past the busy timeout) rather than a bug: the GraphQL layer answers those with SERVICE_UNAVAILABLE, a retry.
/// </summary>
public static class DatabaseOutage
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException sqlite when sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked:
                case MySqlException { ErrorCode: MySqlErrorCode.UnableToConnectToHost }:
                case DbException { IsTransient: true }:
                case MySqlEndOfStreamException:
                    return true;
            }
        }

        return false;
    }
}
