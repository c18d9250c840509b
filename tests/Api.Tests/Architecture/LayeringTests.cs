using System.Reflection;
using System.Xml.Linq;

namespace TicketMaster.Api.Tests.Architecture;

/// <summary>
/// Project references point inward only (ADR 0011): the core knows no adapter, and the GraphQL
/// server layer knows nothing of tickets, so either can be replaced without touching the other.
/// </summary>
public sealed class LayeringTests
{
    /// <summary>What each project under src/ may reference; anything else is a layering violation.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["TicketMaster.Domain"] = [],
        ["TicketMaster.GraphQL"] = [],
        ["TicketMaster.Indexer"] = ["TicketMaster.Domain"],
        ["TicketMaster.Api"] = ["TicketMaster.Domain", "TicketMaster.GraphQL", "TicketMaster.Indexer"],
    };

    [Fact]
    public void Every_project_in_src_references_only_the_layers_inside_it()
    {
        var projects = Directory.GetFiles(Path.Combine(Repository.Root, "src"), "*.csproj", SearchOption.AllDirectories);
        var actual = projects.ToDictionary(
            path => Path.GetFileNameWithoutExtension(path),
            path => XDocument.Load(path).Descendants("ProjectReference")
                .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value))
                .Order()
                .ToArray());

        Assert.Equal(Allowed.Keys.Order(), actual.Keys.Order());
        foreach (var (project, references) in actual)
        {
            var outward = references.Except(Allowed[project]).ToList();
            Assert.True(outward.Count == 0, $"{project} references {string.Join(", ", outward)}, which is not inside it.");
        }
    }

    [Fact]
    public void The_graphql_server_layer_assembly_depends_on_no_project_of_ours()
    {
        var layer = typeof(TicketMaster.GraphQL.Mutations.MutationConventions).Assembly;

        var ours = layer.GetReferencedAssemblies().Select(name => name.Name!).Where(name => name.StartsWith("TicketMaster.", StringComparison.Ordinal));

        Assert.Empty(ours);
    }

    [Fact]
    public void The_core_assembly_depends_on_no_adapter_or_server_package()
    {
        var core = typeof(TicketMaster.Common.DomainException).Assembly;

        var forbidden = core.GetReferencedAssemblies().Select(name => name.Name!)
            .Where(name => name.StartsWith("TicketMaster.", StringComparison.Ordinal) || name.StartsWith("GraphQL", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.AspNetCore.Http", StringComparison.Ordinal) || name.StartsWith("StackExchange.Redis", StringComparison.Ordinal));

        Assert.Empty(forbidden);
    }
}
