using System.Net.Sockets;
using System.Text;

namespace TicketMaster.Testing;

/// <summary>
/// A real redis-server on a free loopback port (or <c>TM_REDIS</c>), which a test can restart
/// on the same port to prove clients recover from a Redis outage.
/// </summary>
public sealed class RedisServer
{
    private static readonly Lazy<Task<RedisServer>> Shared = new(StartSharedAsync);

    private readonly string? _executable;
    private ServerProcess? _process;

    private RedisServer(string host, int port, string? executable)
    {
        Host = host;
        Port = port;
        _executable = executable;
    }

    public string Host { get; }

    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string.</summary>
    public string Endpoint => $"{Host}:{Port}";

    public bool CanRestart => _executable is not null;

    public static async Task<RedisServer> GetAsync()
    {
        try
        {
            return await Shared.Value;
        }
        catch (Exception e) when (e is not Xunit.SkipException && !ServiceAvailability.IsCi)
        {
            throw new Xunit.SkipException($"Redis could not be started: {e.Message}");
        }
    }

    /// <summary>A server of the caller's own, for tests that stop and start it.</summary>
    public static async Task<RedisServer> StartPrivateAsync()
    {
        var executable = ServiceAvailability.FindExecutable("redis-server")
            ?? throw ServiceAvailability.Missing("no redis-server on PATH; install it with: apt-get install redis-server");
        var server = new RedisServer("127.0.0.1", ServerProcess.FreePort(), executable);
        await server.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    /// <summary>Kills the server (no clean shutdown, like a crash) and starts a fresh one on the same port.</summary>
    public async Task RestartAsync()
    {
        if (!CanRestart)
        {
            throw new InvalidOperationException("TM_REDIS names an external server, which the tests cannot restart.");
        }

        Stop();
        await StartAsync();
    }

    public void Stop()
    {
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Sends PING over a raw socket; true when the server answers PONG.</summary>
    public async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(Host, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return false;
        }
    }

    private static async Task<RedisServer> StartSharedAsync()
    {
        if (Environment.GetEnvironmentVariable("TM_REDIS") is { Length: > 0 } configured)
        {
            var parts = configured.Split(',')[0].Split(':');
            return new RedisServer(parts[0], parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 6379, null);
        }

        return await StartPrivateAsync();
    }

    /// <summary>Starts a stopped server again on the same port, empty (an outage that lost every key).</summary>
    public async Task StartAsync()
    {
        if (!CanRestart)
        {
            throw new InvalidOperationException("TM_REDIS names an external server, which the tests cannot start.");
        }

        _process = new ServerProcess(_executable!, [
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--protected-mode", "no",
        ]);
        await _process.WaitUntilReadyAsync("redis-server", PingAsync, TimeSpan.FromSeconds(30));
    }
}
