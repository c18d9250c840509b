using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using TicketMaster.Common;
using TicketMaster.Outbox;

namespace TicketMaster.Persistence;

/// <summary>
/// Multi-row INSERTs built from the EF model (table, columns, value converters), for loading
/// millions of inventory rows without the change tracker. Rows must carry their keys.
/// Backtick quoting works on both MySQL and SQLite. The domain events the rows recorded (a scheduled
/// event's) are written as outbox rows after them, on the same connection and transaction; the rows
/// keep them until the caller clears them after its commit, so a retried transaction writes them again.
/// </summary>
public static class BulkInserter
{
    // SQLite allows 32,766 parameters per statement; MySQL's limit is higher.
    private const int MaxParameters = 30_000;
    private const int MaxRowsPerStatement = 1_000;

    public static async Task<int> InsertAsync<TEntity>(TicketMasterDbContext db, IEnumerable<TEntity> rows, CancellationToken cancellationToken)
        where TEntity : class
    {
        var entityType = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped.");
        if (entityType.GetComplexProperties().Any())
        {
            throw new NotSupportedException($"{typeof(TEntity).Name} has complex properties; bulk loading supports scalar columns only.");
        }

        var columns = entityType.GetProperties().ToArray();
        var values = columns.Select(c => (Getter: c.GetGetter(), Converter: c.GetTypeMapping().Converter)).ToArray();
        // SQLite looks parameters up by name in a linear list, so a wide statement costs
        // quadratic time there; a reused single-row statement is its fastest bulk path.
        var rowsPerStatement = db.Database.IsSqlite() ? 1 : Math.Min(MaxRowsPerStatement, MaxParameters / columns.Length);
        var header = $"INSERT INTO `{entityType.GetTableName()}` ({string.Join(", ", columns.Select(c => $"`{c.GetColumnName()}`"))}) VALUES ";

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var recording = new List<IHasDomainEvents>();
        var inserted = 0;
        DbCommand? command = null;
        try
        {
            foreach (var chunk in rows.Chunk(rowsPerStatement))
            {
                // One command per statement shape, its parameters refilled per chunk: SQLite
                // compiles it once, and neither provider re-parses the text.
                if (command is null || command.Parameters.Count != chunk.Length * columns.Length)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = CreateCommand(connection, transaction, header, columns.Length, chunk.Length);
                }

                var index = 0;
                foreach (var row in chunk)
                {
                    if (row is IHasDomainEvents { HasDomainEvents: true } recorder)
                    {
                        recording.Add(recorder);
                    }

                    foreach (var (getter, converter) in values)
                    {
                        var value = getter.GetClrValueUsingContainingEntity(row);
                        command.Parameters[index++].Value = (converter is null || value is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
                    }
                }

                inserted += await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }

        if (recording.Count > 0)
        {
            var messages = DomainEventOutbox.Messages(recording, db.Clock.GetUtcNow().UtcDateTime);
            await DomainEventOutbox.InsertAsync(db, messages.Select(m => m.Message).ToList(), cancellationToken);
        }

        return inserted;
    }

    private static DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction, string header, int columnCount, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = BuildStatement(header, columnCount, rowCount);
        for (var index = 0; index < columnCount * rowCount; index++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{index}";
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static string BuildStatement(string header, int columnCount, int rowCount)
    {
        var sql = new StringBuilder(header, header.Length + (rowCount * columnCount * 8));
        var parameter = 0;
        for (var row = 0; row < rowCount; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < columnCount; column++)
            {
                sql.Append(column == 0 ? "@p" : ", @p").Append(parameter++);
            }

            sql.Append(')');
        }

        return sql.ToString();
    }
}
