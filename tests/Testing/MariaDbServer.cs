using MySqlConnector;

namespace TicketMaster.Testing;

/// <summary>
/// A real MariaDB for the whole test assembly, as Testcontainers would give with Docker: either
/// the server named by <c>TM_MYSQL</c>, or <c>mariadbd</c> started from the local binaries on a
/// free loopback port in a temp directory and stopped when the test run ends.
/// </summary>
public sealed class MariaDbServer
{
    private static readonly Lazy<Task<MariaDbServer>> Shared = new(StartAsync);
    private static int _databaseCounter;

    private readonly string _serverConnectionString;

    private MariaDbServer(string serverConnectionString, string serverVersion)
    {
        _serverConnectionString = serverConnectionString;
        ServerVersion = serverVersion;
    }

    /// <summary>For <c>Database:ServerVersion</c>, e.g. <c>10.11.19-mariadb</c>.</summary>
    public string ServerVersion { get; }

    /// <summary>The shared server; skips the test (fails under CI=true) when none can be had.</summary>
    public static async Task<MariaDbServer> GetAsync()
    {
        try
        {
            return await Shared.Value;
        }
        catch (Exception e) when (e is not Xunit.SkipException && !ServiceAvailability.IsCi)
        {
            throw new Xunit.SkipException($"MariaDB could not be started: {e.Message}");
        }
    }

    /// <summary>A new, empty database of its own, so test classes can run in parallel.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"tm_{prefix.ToLowerInvariant()}_{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCounter)}";
        await using var connection = new MySqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", connection);
        await command.ExecuteNonQueryAsync();
        return new MySqlConnectionStringBuilder(_serverConnectionString) { Database = name }.ConnectionString;
    }

    private static async Task<MariaDbServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("TM_MYSQL") is { Length: > 0 } configured)
        {
            return new MariaDbServer(configured, await ReadVersionAsync(configured));
        }

        var mariadbd = ServiceAvailability.FindExecutable("mariadbd", "mysqld");
        var installDb = ServiceAvailability.FindExecutable("mariadb-install-db", "mysql_install_db");
        if (mariadbd is null || installDb is null)
        {
            throw ServiceAvailability.Missing("no MariaDB binaries (mariadbd, mariadb-install-db) on PATH and TM_MYSQL is not set; install them with: apt-get install mariadb-server");
        }

        var directory = Directory.CreateTempSubdirectory("tm-mariadb-").FullName;
        var dataDirectory = Path.Combine(directory, "data");
        var socket = Path.Combine(directory, "mysqld.sock");
        var asRoot = Environment.UserName == "root";
        string[] userArgument = asRoot ? ["--user=root"] : [];

        await ServerProcess.RunToCompletionAsync(
            installDb,
            ["--no-defaults", $"--datadir={dataDirectory}", "--auth-root-authentication-method=normal", "--skip-test-db", .. userArgument],
            TimeSpan.FromMinutes(2));

        var port = ServiceAvailability.FreePort();
        var server = new ServerProcess(mariadbd, [
            "--no-defaults", .. userArgument, $"--datadir={dataDirectory}", $"--socket={socket}", $"--port={port}",
            "--bind-address=127.0.0.1", $"--pid-file={Path.Combine(directory, "mysqld.pid")}", "--skip-name-resolve",
            "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci", "--max-connections=2000",
            "--innodb-buffer-pool-size=512M", "--innodb-log-file-size=256M", "--innodb-lock-wait-timeout=10",

            // Durability is not under test here: trade it for speed.
            "--innodb-flush-log-at-trx-commit=2", "--innodb-doublewrite=0", "--skip-log-bin",
        ]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            server.Dispose();
            Directory.Delete(directory, recursive: true);
        };

        var rootOverSocket = new MySqlConnectionStringBuilder
        {
            Server = socket, ConnectionProtocol = MySqlConnectionProtocol.UnixSocket, UserID = "root", Pooling = false,
        }.ConnectionString;
        await server.WaitUntilReadyAsync("mariadbd", () => CanConnectAsync(rootOverSocket), TimeSpan.FromMinutes(1));

        await using (var connection = new MySqlConnection(rootOverSocket))
        {
            await connection.OpenAsync();
            await using var command = new MySqlCommand(
                "CREATE USER 'tm'@'%' IDENTIFIED BY 'tm'; GRANT ALL PRIVILEGES ON *.* TO 'tm'@'%' WITH GRANT OPTION;", connection);
            await command.ExecuteNonQueryAsync();
        }

        var overTcp = new MySqlConnectionStringBuilder
        {
            Server = "127.0.0.1", Port = (uint)port, UserID = "tm", Password = "tm", MaximumPoolSize = 500,
        }.ConnectionString;
        return new MariaDbServer(overTcp, await ReadVersionAsync(overTcp));
    }

    private static async Task<bool> CanConnectAsync(string connectionString)
    {
        try
        {
            await using var connection = new MySqlConnection(connectionString);
            await connection.OpenAsync();
            return true;
        }
        catch (MySqlException)
        {
            return false;
        }
    }

    private static async Task<string> ReadVersionAsync(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SELECT VERSION()", connection);
        var version = (string)(await command.ExecuteScalarAsync())!;

        // "10.11.19-MariaDB-0+deb12u1" → "10.11.19-mariadb"; "8.4.3" → "8.4.3-mysql"
        var number = version.Split('-')[0];
        return version.Contains("MariaDB", StringComparison.OrdinalIgnoreCase) ? $"{number}-mariadb" : $"{number}-mysql";
    }
}
