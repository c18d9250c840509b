using TicketMaster.Bench.Fanout;
using TicketMaster.Bench.Harness;
using TicketMaster.Bench.Onsale;

// Scenarios are subcommands, so later ones (fanout, search, freshness) slot in beside onsale.
var scenarios = new Dictionary<string, Func<CommandLine, Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["onsale"] = OnsaleScenario.RunAsync,
    ["fanout"] = FanoutScenario.RunAsync,
};

if (args.Length == 0 || !scenarios.TryGetValue(args[0], out var scenario))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project tests/Bench -- <{string.Join("|", scenarios.Keys)}> [options]");
    Console.Error.WriteLine(OnsaleOptions.Usage);
    Console.Error.WriteLine(FanoutOptions.Usage);
    return 64;
}

try
{
    return await scenario(CommandLine.Parse(args[1..]));
}
catch (CommandLineException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(args[0].Equals("fanout", StringComparison.OrdinalIgnoreCase) ? FanoutOptions.Usage : OnsaleOptions.Usage);
    return 64;
}
