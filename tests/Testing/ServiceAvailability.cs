using Xunit;

namespace TicketMaster.Testing;

/// <summary>
/// What to do when a real service cannot be started: skip locally, fail under CI=true, where
/// every service must be there.
/// </summary>
internal static class ServiceAvailability
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static Exception Missing(string reason) =>
        IsCi ? new InvalidOperationException($"CI=true and {reason}") : new SkipException(reason);

    public static string? FindExecutable(params string[] names)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Concat(["/usr/sbin", "/usr/local/sbin", "/sbin"]);
        return names.SelectMany(name => path.Select(dir => Path.Combine(dir, name))).FirstOrDefault(File.Exists);
    }
}
