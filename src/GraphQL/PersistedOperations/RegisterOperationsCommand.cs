using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace TicketMaster.GraphQL.PersistedOperations;

/// <summary>
/// <c>dotnet run --project src/Api -- register-operations &lt;folder&gt;</c>: stores every
/// <c>.graphql</c> file under the folder (what a frontend's build emits) in the operation store,
/// and prints each file's id for the client to send. A file that does not parse, or holds no
/// operation, stops the command before anything is stored.
/// </summary>
public static class RegisterOperationsCommand
{
    public const string Name = "register-operations";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>Runs on configuration alone: registering needs neither a database nor the Api's secrets.</summary>
    public static Task<int> RunAsync(IConfiguration configuration, IHostEnvironment environment, string[] args, TextWriter output)
    {
        var options = configuration.GetSection(PersistedOperationOptions.SectionName).Get<PersistedOperationOptions>() ?? new PersistedOperationOptions();
        return RunAsync(new OperationStore(Microsoft.Extensions.Options.Options.Create(options), environment), args, output);
    }

    public static async Task<int> RunAsync(OperationStore store, string[] args, TextWriter output)
    {
        if (args.Length != 2 || !Directory.Exists(args[1]))
        {
            await output.WriteLineAsync($"Usage: {Name} <folder of .graphql operations>");
            return 2;
        }

        var files = Directory.GetFiles(args[1], "*.graphql", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var texts = new List<(string File, string Text)>();
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file);
            if (Problem(text) is { } problem)
            {
                await output.WriteLineAsync($"{file}: {problem}; nothing was registered.");
                return 1;
            }

            texts.Add((file, text));
        }

        foreach (var (file, text) in texts)
        {
            await output.WriteLineAsync($"{await store.SaveAsync(text, CancellationToken.None)}  {Path.GetRelativePath(args[1], file)}");
        }

        await output.WriteLineAsync($"{texts.Count} operation(s) in {store.Directory}");
        return 0;
    }

    private static string? Problem(string text)
    {
        try
        {
            var document = GraphQLParser.Parser.Parse(text);
            return document.Definitions.OfType<GraphQLOperationDefinition>().Any() ? null : "no operation in the file";
        }
        catch (GraphQLSyntaxErrorException e)
        {
            return $"does not parse: {e.Message}";
        }
    }
}
