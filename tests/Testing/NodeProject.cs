using System.Diagnostics;

namespace TicketMaster.Testing;

/// <summary>
/// An npm project in the repository (e.g. <c>tests/conformance</c>) whose scripts a test runs with
/// node. Without node or its installed node_modules the test is skipped with the command that
/// fixes it, except under CI=true, where that fails the run.
/// </summary>
public sealed class NodeProject
{
    private readonly string _node;

    private NodeProject(string node, string directory)
    {
        _node = node;
        Directory = directory;
    }

    public string Directory { get; }

    /// <param name="relativePath">The project's folder relative to the repository root.</param>
    public static NodeProject Require(string relativePath)
    {
        var directory = Path.Combine(Repository.Root, relativePath);
        var node = ServiceAvailability.FindExecutable("node", "nodejs")
            ?? throw ServiceAvailability.Missing("node is not on PATH; install Node.js 20 or newer (apt-get install nodejs npm)");
        if (!System.IO.Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            throw ServiceAvailability.Missing($"{relativePath}/node_modules is missing; run: npm ci --prefix {relativePath}");
        }

        return new NodeProject(node, directory);
    }

    /// <summary>Runs <c>node script args…</c> in the project folder and returns its exit code and output.</summary>
    public async Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(string script, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(_node)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within {timeout}:\n{await standardError}");
        }

        return (process.ExitCode, await standardOutput, await standardError);
    }
}
