using System.Diagnostics;
using System.Text.Json;

namespace TicketMaster.Bench.Harness;

/// <summary>What every scenario writes beside its report: the JSON summary, the commit it was built from, log lines.</summary>
public static class BenchOutput
{
    /// <summary>Writes <paramref name="summary"/> to <c>&lt;directory&gt;/&lt;scenario&gt;-&lt;started&gt;.json</c>; returns the full path.</summary>
    public static async Task<string> WriteJsonAsync<T>(T summary, string scenario, DateTime startedAt, string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.GetFullPath(Path.Combine(directory, $"{scenario}-{startedAt:yyyyMMdd-HHmmss}.json"));
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, summary, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
        return path;
    }

    public static string? GitCommit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory,
            });
            var commit = git?.StandardOutput.ReadToEnd().Trim();
            git?.WaitForExit();
            return git?.ExitCode == 0 ? commit : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    public static void Log(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
