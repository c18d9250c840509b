using Microsoft.Extensions.DependencyInjection;
using TicketMaster.GraphQL.PersistedOperations;

namespace TicketMaster.Api.Tests.PersistedOperations;

/// <summary><c>register-operations &lt;folder&gt;</c>, the step a frontend's build runs before a trusted-documents deployment.</summary>
public sealed class RegisterOperationsCommandTests(PersistedOperationsApi api) : IClassFixture<PersistedOperationsApi>
{
    [Fact]
    public async Task A_folder_of_operations_is_registered_and_each_runs_by_its_printed_id()
    {
        var folder = Directory.CreateTempSubdirectory("tm-frontend-").FullName;
        var query = $"query Venues{Guid.NewGuid():N} {{ venues(first: 3) {{ totalCount }} }}";
        Directory.CreateDirectory(Path.Combine(folder, "pages"));
        await File.WriteAllTextAsync(Path.Combine(folder, "pages", "venues.graphql"), query);
        using var output = new StringWriter();

        var exit = await RegisterOperationsCommand.RunAsync(api.Empty.Host.Services.GetRequiredService<OperationStore>(), ["register-operations", folder], output);
        var (_, body) = await PersistedOperationsApi.PostAsync(api.Client, new { id = OperationStore.HashOf(query) });

        Assert.Equal(0, exit);
        Assert.Contains($"{OperationStore.HashOf(query)}  pages{Path.DirectorySeparatorChar}venues.graphql", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, body.GetProperty("data").GetProperty("venues").GetProperty("totalCount").GetInt32());
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_file_that_does_not_parse_stops_the_command_before_anything_is_stored()
    {
        var folder = Directory.CreateTempSubdirectory("tm-frontend-").FullName;
        var good = $"query Good{Guid.NewGuid():N} {{ __typename }}";
        await File.WriteAllTextAsync(Path.Combine(folder, "a.graphql"), good);
        await File.WriteAllTextAsync(Path.Combine(folder, "b.graphql"), "query {");
        using var output = new StringWriter();

        var exit = await RegisterOperationsCommand.RunAsync(api.Empty.Host.Services.GetRequiredService<OperationStore>(), ["register-operations", folder], output);

        Assert.Equal(1, exit);
        Assert.Contains("b.graphql", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(api.StoreDirectory, OperationStore.HashOf(good) + ".graphql")));
        Directory.Delete(folder, recursive: true);
    }
}
