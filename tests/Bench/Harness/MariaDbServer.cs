using MySqlConnector;

namespace TicketMaster.Bench.Harness;

/// <summary>
/// The database server of a run: the one named by <c>--mysql</c>, or <c>mariadbd</c> from the local
/// binaries on a free loopback port in a temp directory, configured like the tests' server
/// (tests/Testing/MariaDbServer.cs) and removed when the run ends.
/// </summary>
public sealed class MariaDbServer : IDisposable
{
    private readonly ChildProcess? _process;
    private readonly string? _directory;

    private MariaDbServer(string serverConnectionString, string serverVersion, ChildProcess? process, string? directory)
    {
        ServerConnectionString = serverConnectionString;
        ServerVersion = serverVersion;
        _process = process;
        _directory = directory;
    }

    /// <summary>Connects as a user that may create databases; names no database.</summary>
    public string ServerConnectionString { get; }

    /// <summary>For <c>Database:ServerVersion</c>, e.g. <c>10.11.14-mariadb</c>.</summary>
    public string ServerVersion { get; }

    /// <summary>The mariadbd we started, for its processor time; null with <c>--mysql</c>.</summary>
    public ChildProcess? Process => _process;

    public string Description => _process is null ? "external server (--mysql)" : $"mariadbd {ServerVersion} started by the bench (pid {_process.Id})";

    public static async Task<MariaDbServer> StartAsync(string? connectionString, bool durable)
    {
        if (connectionString is not null)
        {
            return new MariaDbServer(connectionString, await ReadVersionAsync(connectionString), null, null);
        }

        var mariadbd = FindExecutable("mariadbd", "mysqld")
            ?? throw new InvalidOperationException("no mariadbd on PATH; install mariadb-server or pass --mysql <connection string>");
        var installDb = FindExecutable("mariadb-install-db", "mysql_install_db")
            ?? throw new InvalidOperationException("no mariadb-install-db on PATH; install mariadb-server or pass --mysql <connection string>");

        var directory = Directory.CreateTempSubdirectory("tm-bench-mariadb-").FullName;
        var dataDirectory = Path.Combine(directory, "data");
        var socket = Path.Combine(directory, "mysqld.sock");
        string[] userArgument = Environment.UserName == "root" ? ["--user=root"] : [];
        await ChildProcess.RunToCompletionAsync(
            installDb,
            ["--no-defaults", $"--datadir={dataDirectory}", "--auth-root-authentication-method=normal", "--skip-test-db", .. userArgument],
            TimeSpan.FromMinutes(2));

        var port = FreePort();
        var process = new ChildProcess(mariadbd, [
            "--no-defaults", .. userArgument, $"--datadir={dataDirectory}", $"--socket={socket}", $"--port={port}",
            "--bind-address=127.0.0.1", $"--pid-file={Path.Combine(directory, "mysqld.pid")}", "--skip-name-resolve",
            "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci", "--max-connections=2000",
            "--innodb-buffer-pool-size=512M", "--innodb-log-file-size=256M", "--innodb-lock-wait-timeout=10",
            "--innodb-doublewrite=0", "--skip-log-bin",

            // 1 = flush the redo log at every commit (production); 2 = write it, flush once a second
            // (what the tests use). The default run measures the booking path, not this disk.
            $"--innodb-flush-log-at-trx-commit={(durable ? 1 : 2)}",
        ]);

        var rootOverSocket = new MySqlConnectionStringBuilder
        {
            Server = socket, ConnectionProtocol = MySqlConnectionProtocol.UnixSocket, UserID = "root", Pooling = false,
        }.ConnectionString;
        await process.WaitUntilReadyAsync("mariadbd", () => CanConnectAsync(rootOverSocket), TimeSpan.FromMinutes(1));
        await using (var connection = new MySqlConnection(rootOverSocket))
        {
            await connection.OpenAsync();
            await using var command = new MySqlCommand(
                "CREATE USER 'tm'@'%' IDENTIFIED BY 'tm'; GRANT ALL PRIVILEGES ON *.* TO 'tm'@'%' WITH GRANT OPTION;", connection);
            await command.ExecuteNonQueryAsync();
        }

        var overTcp = new MySqlConnectionStringBuilder { Server = "127.0.0.1", Port = (uint)port, UserID = "tm", Password = "tm" }.ConnectionString;
        return new MariaDbServer(overTcp, await ReadVersionAsync(overTcp), process, directory);
    }

    /// <summary>A new, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new MySqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", connection);
        await command.ExecuteNonQueryAsync();
        return new MySqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    public void Dispose()
    {
        _process?.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindExecutable(params string[] names)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Concat(["/usr/sbin", "/usr/local/sbin", "/sbin"]);
        return names.SelectMany(name => path.Select(dir => Path.Combine(dir, name))).FirstOrDefault(File.Exists);
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

        // "10.11.14-MariaDB-0+deb12u2" → "10.11.14-mariadb"; "8.4.3" → "8.4.3-mysql"
        var number = version.Split('-')[0];
        return version.Contains("MariaDB", StringComparison.OrdinalIgnoreCase) ? $"{number}-mariadb" : $"{number}-mysql";
    }
}
