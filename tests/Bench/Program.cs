using TicketMaster.Bench.Fanout;
using TicketMaster.Bench.Harness;
using TicketMaster.Bench.Layout;
using TicketMaster.Bench.Onsale;
using TicketMaster.Bench.Reconcile;
using TicketMaster.Bench.Search;

// Scenarios are subcommands; each has its options' usage text.
var usages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
{
    ["onsale"] = OnsaleOptions.Usage,
    ["search"] = SearchBenchOptions.Usage,
    ["freshness"] = SearchBenchOptions.Usage,
    ["search-probe"] = SearchProbe.Usage,
    ["fanout"] = FanoutOptions.Usage,
    ["reconcile"] = ReconcileScenario.Usage,
    ["layout"] = LayoutScenario.Usage,
    ["browse"] = TicketMaster.Bench.Browse.BrowseScenario.Usage,
    ["waitingroom"] = TicketMaster.Bench.WaitingRoom.WaitingRoomBench.Usage,
};
var scenarios = new Dictionary<string, Func<CommandLine, Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["onsale"] = OnsaleScenario.RunAsync,
    ["search"] = SearchScenario.RunAsync,
    ["freshness"] = FreshnessScenario.RunAsync,
    ["search-probe"] = SearchProbe.RunAsync,
    ["fanout"] = FanoutScenario.RunAsync,
    ["reconcile"] = ReconcileScenario.RunAsync,
    ["layout"] = LayoutScenario.RunAsync,
    ["browse"] = TicketMaster.Bench.Browse.BrowseScenario.RunAsync,
    ["waitingroom"] = TicketMaster.Bench.WaitingRoom.WaitingRoomBench.RunAsync,
};

if (args.Length == 0 || !scenarios.TryGetValue(args[0], out var scenario))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project tests/Bench -- <{string.Join("|", scenarios.Keys)}> [options]");
    foreach (var usage in usages.Values.Distinct())
    {
        Console.Error.WriteLine(usage);
    }

    return 64;
}

try
{
    return await scenario(CommandLine.Parse(args[1..]));
}
catch (CommandLineException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(usages[args[0]]);
    return 64;
}
