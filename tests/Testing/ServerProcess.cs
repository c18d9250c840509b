using System.Diagnostics;
using System.Text;

namespace TicketMaster.Testing;

/// <summary>A server binary run as a child process, with its output kept for error messages.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public ServerProcess(string fileName, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

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

        run._process.WaitForExit();
        if (run._process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} exited with code {run._process.ExitCode}:\n{run.Output}");
        }
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
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

            await Task.Delay(50);
        }

        throw new TimeoutException($"{name} did not become ready within {timeout}:\n{Output}");
    }

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
