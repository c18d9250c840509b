using TicketMaster.Bench.Harness;
using TicketMaster.Bench.Onsale;
using TicketMaster.Bench.Search;

// Scenarios are subcommands, so later ones (fanout, search, freshness) slot in beside onsale.
var scenarios = new Dictionary<string, Func<CommandLine, Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["onsale"] = OnsaleScenario.RunAsync,
    ["search"] = SearchScenario.RunAsync,
    ["freshness"] = FreshnessScenario.RunAsync,
};

if (args.Length == 0 || !scenarios.TryGetValue(args[0], out var scenario))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project tests/Bench -- <{string.Join("|", scenarios.Keys)}> [options]");
    Console.Error.WriteLine(OnsaleOptions.Usage);
    Console.Error.WriteLine(SearchBenchOptions.Usage);
    return 64;
}

try
{
    return await scenario(CommandLine.Parse(args[1..]));
}
catch (CommandLineException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(args[0].Equals("onsale", StringComparison.OrdinalIgnoreCase) ? OnsaleOptions.Usage : SearchBenchOptions.Usage);
    return 64;
}
