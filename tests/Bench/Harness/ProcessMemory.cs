using System.Globalization;

namespace TicketMaster.Bench.Harness;

public static class ProcessMemory
{
    /// <summary>Resident set size (VmRSS) of a process, from /proc; 0 where there is no /proc.</summary>
    public static long ResidentBytes(int processId)
    {
        try
        {
            var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
