using System.Diagnostics;
using System.Text;

namespace TicketMaster.Testing;

/// <summary>
/// A server run as a child process (tests' MariaDB and Redis, the bench's Api): its output is kept
/// (last lines) for error messages, and it dies with the process that started it.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private const int KeptLines = 200;

    private readonly Process _process;
    private readonly Queue<string> _output = new();

    /// <param name="removeWhenOrphaned">A directory of the server's (its data) that the watchdog deletes after killing an orphaned server.</param>
    public ServerProcess(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null, string? removeWhenOrphaned = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();
        Console.CancelKeyPress += (_, _) => Kill();
        StartWatchdog(_process.Id, removeWhenOrphaned);
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    /// <summary>Total processor time the process has used so far (user + system).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.HasExited ? TimeSpan.Zero : _process.TotalProcessorTime;
        }
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a setup command to completion; its output becomes the error when it fails.</summary>
    public static async Task RunToCompletionAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        using var run = new ServerProcess(fileName, arguments);
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await run._process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Path.GetFileName(fileName)} did not finish within {timeout}:\n{run.Output}");
        }

        if (run._process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} exited with code {run._process.ExitCode}:\n{run.Output}");
        }
    }

    /// <summary>Polls <paramref name="isReady"/> until it answers true, the process dies, or time runs out.</summary>
    public async Task WaitUntilReadyAsync(string name, Func<Task<bool>> isReady, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with code {_process.ExitCode}:\n{Output}");
            }

            if (await isReady())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{name} did not become ready within {timeout}:\n{Output}");
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            // Never started, already reaped, or disposed before the host process exited.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    /// <summary>
    /// Kills the server once the process that started it is gone, then deletes its data directory.
    /// ProcessExit handlers do not run when the test host is killed (as `dotnet test` ends it) or
    /// crashes: every such run used to leave a mariadbd or redis-server behind, busy enough to skew
    /// the next benchmark, and a 400–500 MB MariaDB directory in /tmp (61 GB after a day of runs).
    /// Both processes are recognised by pid and start time, so a pid the kernel hands to a new
    /// process is never mistaken for them. It runs in a session of its own (<c>setsid -f</c>):
    /// `dotnet test` kills the test host's whole process tree at the end of a run, and a watchdog
    /// among its children died with it, leaving the directory. It checks once a second until the
    /// owner is gone; after a normal Dispose it finds nothing left to do.
    /// </summary>
    private static void StartWatchdog(int serverId, string? removeWhenOrphaned)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (removeWhenOrphaned?.Contains('\'') == true)
        {
            throw new ArgumentException($"The watchdog cannot quote {removeWhenOrphaned}.", nameof(removeWhenOrphaned));
        }

        // Field 22 of /proc/<pid>/stat is the start time; the command name before it may hold spaces.
        var script = $$"""
            exec </dev/null >/dev/null 2>&1
            started() { s=$(cat /proc/$1/stat 2>/dev/null) || return 0; s=${s##*) }; set -- $s; echo "${20}"; }
            owner={{Environment.ProcessId}}; owner_started=$(started $owner); server_started=$(started {{serverId}})
            while [ "$(started $owner)" = "$owner_started" ]; do sleep 1; done
            [ "$(started {{serverId}})" = "$server_started" ] && kill -9 {{serverId}} 2>/dev/null
            {{(removeWhenOrphaned is null ? "" : $"i=0; while [ \"$(started {serverId})\" = \"$server_started\" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done; rm -rf '{removeWhenOrphaned}'")}}
            """;
        // Without setsid (not a Debian machine) it still works, as a child that a tree kill takes down.
        var detached = File.Exists("/usr/bin/setsid") || File.Exists("/bin/setsid");
        var watch = new ProcessStartInfo(detached ? "setsid" : "/bin/sh") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in detached ? ["-f", "/bin/sh", "-c", script] : new[] { "-c", script })
        {
            watch.ArgumentList.Add(argument);
        }

        using var detach = Process.Start(watch);
        if (detached)
        {
            detach?.WaitForExit();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > KeptLines)
            {
                _output.Dequeue();
            }
        }
    }
}
