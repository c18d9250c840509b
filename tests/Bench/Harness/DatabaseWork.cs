using MySqlConnector;

namespace TicketMaster.Bench.Harness;

/// <summary>
/// What the database server did during a phase, from its global status counters: statements
/// received and rows read. Divided by the calls of a phase it shows work that a CPU share
/// alone hides, such as background queries (the availability relay, the indexer, the sweep) that
/// one side of a comparison pays and the other does not.
/// </summary>
public sealed class DatabaseWork
{
    private static readonly string[] Counters = ["Questions", "Rows_read", "Handler_read_next", "Handler_read_key", "Innodb_buffer_pool_read_requests"];

    /// <summary>The server to read; null measures nothing.</summary>
    public static string? ConnectionString { get; set; }

    private readonly Dictionary<string, long>? _before;

    private DatabaseWork(Dictionary<string, long>? before) => _before = before;

    public static async Task<DatabaseWork> StartAsync() => new(await ReadAsync());

    public async Task<Report?> StopAsync()
    {
        if (_before is null || await ReadAsync() is not { } after)
        {
            return null;
        }

        long Delta(string name) => after[name] - _before[name];

        // The status query itself is one of the statements; it is not the phase's.
        return new Report(Delta("Questions") - 1, Delta("Rows_read"), Delta("Handler_read_next"), Delta("Handler_read_key"), Delta("Innodb_buffer_pool_read_requests"));
    }

    private static async Task<Dictionary<string, long>?> ReadAsync()
    {
        if (ConnectionString is null)
        {
            return null;
        }

        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(
            $"SHOW GLOBAL STATUS WHERE Variable_name IN ({string.Join(", ", Counters.Select(c => $"'{c}'"))})", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadAsync())
        {
            values[reader.GetString(0)] = long.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return Counters.All(values.ContainsKey) ? values : null;
    }

    /// <param name="Statements">Statements the server received (its Questions counter).</param>
    /// <param name="RowsRead">Rows read from tables, for any statement (Rows_read).</param>
    /// <param name="IndexReadsNext">Index range steps (Handler_read_next).</param>
    /// <param name="IndexLookups">Index lookups by key (Handler_read_key).</param>
    /// <param name="PageReads">Pages InnoDB looked at (its buffer pool read requests): also counts what Rows_read does not, such as
    /// the clustered row a consistent read visits to check an index entry's visibility.</param>
    public sealed record Report(long Statements, long RowsRead, long IndexReadsNext, long IndexLookups, long PageReads);
}
