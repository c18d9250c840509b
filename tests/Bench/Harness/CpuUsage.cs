using TicketMaster.Testing;
using System.Diagnostics;
using System.Globalization;

namespace TicketMaster.Bench.Harness;

/// <summary>
/// Where the processor time of a phase went: the Api, mariadbd, the load generator, and everything
/// else on the machine (other people's builds), from the processes' own counters and /proc/stat.
/// A cheap first profile: which process is the bottleneck on a shared 2-core box.
/// </summary>
public sealed class CpuUsage
{
    public static ServerProcess? Api { get; set; }

    public static ServerProcess? Database { get; set; }

    private readonly TimeSpan _api;
    private readonly TimeSpan _database;
    private readonly TimeSpan _bench;
    private readonly (long Busy, long Total, long Steal)? _machine;

    private CpuUsage()
    {
        _api = Api?.ProcessorTime ?? TimeSpan.Zero;
        _database = Database?.ProcessorTime ?? TimeSpan.Zero;
        _bench = Process.GetCurrentProcess().TotalProcessorTime;
        _machine = ReadProcStat();
    }

    public static CpuUsage Start() => new();

    /// <summary>
    /// Waits until the Api and mariadbd have been idle for a quarter of a second (each under a tenth
    /// of a core), at most <paramref name="patience"/>: the work one phase leaves behind (the
    /// in-process indexer reading its outbox rows, the availability relay) is charged to neither
    /// that phase nor the next one.
    /// </summary>
    /// <returns>How long it waited.</returns>
    public static async Task<TimeSpan> WaitUntilQuietAsync(TimeSpan patience)
    {
        var step = TimeSpan.FromMilliseconds(250);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var (api, database) = (Api?.ProcessorTime ?? TimeSpan.Zero, Database?.ProcessorTime ?? TimeSpan.Zero);
        while (waited.Elapsed < patience)
        {
            await Task.Delay(step);
            var (apiNow, databaseNow) = (Api?.ProcessorTime ?? TimeSpan.Zero, Database?.ProcessorTime ?? TimeSpan.Zero);
            if (apiNow - api < step / 10 && databaseNow - database < step / 10)
            {
                break;
            }

            (api, database) = (apiNow, databaseNow);
        }

        return waited.Elapsed;
    }

    /// <summary>Cores busy on average during the phase, per process.</summary>
    public Report Stop(double wallSeconds)
    {
        var api = ((Api?.ProcessorTime ?? TimeSpan.Zero) - _api).TotalSeconds;
        var database = ((Database?.ProcessorTime ?? TimeSpan.Zero) - _database).TotalSeconds;
        var bench = (Process.GetCurrentProcess().TotalProcessorTime - _bench).TotalSeconds;
        double? machine = null;
        double? steal = null;
        if (_machine is { } before && ReadProcStat() is { } after && after.Total > before.Total)
        {
            // /proc/stat counts all cores; scale its busy share back to cores.
            machine = (double)(after.Busy - before.Busy) / (after.Total - before.Total) * Environment.ProcessorCount;
            steal = Math.Round((double)(after.Steal - before.Steal) / (after.Total - before.Total) * Environment.ProcessorCount, 2);
        }

        double Cores(double seconds) => wallSeconds > 0 ? Math.Round(seconds / wallSeconds, 2) : 0;
        var others = machine is { } m ? Math.Max(0, Math.Round(m - Cores(api) - Cores(database) - Cores(bench), 2)) : (double?)null;
        return new Report(Cores(api), Cores(database), Cores(bench), others, machine is { } total ? Math.Round(total, 2) : null, Environment.ProcessorCount, steal);
    }

    private static (long Busy, long Total, long Steal)? ReadProcStat()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var total = fields.Take(8).Sum();
            var idle = fields[3] + fields[4];
            return (total - idle, total, fields[7]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <param name="OtherCores">Busy cores not accounted for by the three processes: other people's work.</param>
    /// <param name="StealCores">
    /// Cores' worth of time the hypervisor ran someone else while this VM wanted to run (/proc/stat
    /// "steal"): a phase with steal is slower and its CPU per operation looks dearer, through no fault of its own.
    /// </param>
    public sealed record Report(double ApiCores, double DatabaseCores, double BenchCores, double? OtherCores, double? MachineCores, int Cores, double? StealCores = null);
}
