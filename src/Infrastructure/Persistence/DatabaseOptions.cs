using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace TicketMaster.Persistence;

public enum DatabaseProvider
{
    /// <summary>The embedded default: a file, no server, one writer at a time.</summary>
    Sqlite,

    /// <summary>Production: MySQL 8 or MariaDB 10.11 through Pomelo, with row locks.</summary>
    MySql,
}

/// <summary>Bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>The connection-string name under <c>ConnectionStrings</c>.</summary>
    public const string ConnectionStringName = "TicketMaster";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The MySQL server version the SQL is generated for, e.g. <c>8.4.0-mysql</c> or
    /// <c>10.11.6-mariadb</c>. Configured, never detected, so startup and design-time tools
    /// need no round trip to the server.
    /// </summary>
    public string ServerVersion { get; set; } = "8.0.36-mysql";

    /// <summary>Where the SQLite file lives when no connection string is configured; relative to the content root.</summary>
    public string? DataDirectory { get; set; }

    /// <summary><c>ConnectionStrings:TicketMaster</c>, or the default SQLite file.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Reads the <c>Database</c> section and the connection string. With no configuration at all
    /// the result is a SQLite file in <c>App_Data</c> under <paramref name="contentRoot"/>.
    /// </summary>
    public static DatabaseOptions FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.ConnectionString = configuration.GetConnectionString(ConnectionStringName) ?? options.Provider switch
        {
            DatabaseProvider.Sqlite => DefaultSqliteConnectionString(Path.Combine(contentRoot, options.DataDirectory ?? "App_Data")),
            _ => throw new InvalidOperationException($"Database:Provider is {options.Provider} but ConnectionStrings:{ConnectionStringName} is not set."),
        };
        return options;
    }

    private static string DefaultSqliteConnectionString(string directory)
    {
        Directory.CreateDirectory(directory);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "ticketmaster.db"), DefaultTimeout = 30 }.ToString();
    }
}
