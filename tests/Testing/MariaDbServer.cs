using MySqlConnector;

namespace TicketMaster.Testing;

/// <summary>
/// A real MariaDB, as Testcontainers would give with Docker: either a server named by a connection
/// string (<c>TM_MYSQL</c> for the tests, <c>--mysql</c> for the bench), or <c>mariadbd</c> started
/// from the local binaries on a free loopback port in a temp directory and removed on dispose.
/// The tests share one per assembly (<see cref="GetAsync"/>); the bench starts its own.
/// </summary>
public sealed class MariaDbServer : IDisposable
{
    private static readonly Lazy<Task<MariaDbServer>> Shared = new(StartSharedAsync);
    private static int _databaseCounter;

    private readonly string? _directory;

    private MariaDbServer(string serverConnectionString, string serverVersion, ServerProcess? process, string? directory)
    {
        ServerConnectionString = serverConnectionString;
        ServerVersion = serverVersion;
        Process = process;
        _directory = directory;
    }

    /// <summary>Connects as a user that may create databases; names no database.</summary>
    public string ServerConnectionString { get; }

    /// <summary>For <c>Database:ServerVersion</c>, e.g. <c>10.11.19-mariadb</c>.</summary>
    public string ServerVersion { get; }

    /// <summary>The mariadbd started here (for its processor time); null for a named server.</summary>
    public ServerProcess? Process { get; }

    public string Description => Process is null ? "external server" : $"mariadbd {ServerVersion} started locally (pid {Process.Id})";

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
        await using var connection = new MySqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", connection);
        await command.ExecuteNonQueryAsync();
        return new MySqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    public void Dispose()
    {
        Process?.Dispose();
        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <param name="connectionString">An existing server to use instead of starting one.</param>
    /// <param name="durable">
    /// Flush the redo log at every commit, as production does. The tests (and the bench by default)
    /// write it at commit and flush once a second: durability is not what they measure.
    /// </param>
    public static async Task<MariaDbServer> StartAsync(string? connectionString, bool durable = false)
    {
        if (connectionString is { Length: > 0 })
        {
            return new MariaDbServer(connectionString, await ReadVersionAsync(connectionString), null, null);
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

        var port = ServerProcess.FreePort();
        var server = new ServerProcess(mariadbd, [
            "--no-defaults", .. userArgument, $"--datadir={dataDirectory}", $"--socket={socket}", $"--port={port}",
            "--bind-address=127.0.0.1", $"--pid-file={Path.Combine(directory, "mysqld.pid")}", "--skip-name-resolve",
            "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci", "--max-connections=2000",
            "--innodb-buffer-pool-size=512M", "--innodb-log-file-size=256M", "--innodb-lock-wait-timeout=10",

            $"--innodb-flush-log-at-trx-commit={(durable ? 1 : 2)}", "--innodb-doublewrite=0", "--skip-log-bin",
        ], removeWhenOrphaned: directory);

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
        return new MariaDbServer(overTcp, await ReadVersionAsync(overTcp), server, directory);
    }

    private static async Task<MariaDbServer> StartSharedAsync()
    {
        var server = await StartAsync(Environment.GetEnvironmentVariable("TM_MYSQL"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server;
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
