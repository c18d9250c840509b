using System.Reflection;
using System.Xml.Linq;

namespace TicketMaster.Api.Tests.Architecture;

/// <summary>
/// Project references point inward only (ADR 0012): the core knows no adapter, persistence and
/// adapters know only the core, and the GraphQL server layer knows nothing of tickets, so any of
/// them can be replaced without touching the others. The Api and the Indexer compose them.
/// </summary>
public sealed class LayeringTests
{
    /// <summary>What each project under src/ may reference; anything else is a layering violation.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["TicketMaster.Domain"] = [],
        ["TicketMaster.Infrastructure"] = ["TicketMaster.Domain"],
        ["TicketMaster.GraphQL"] = [],
        ["TicketMaster.Indexer"] = ["TicketMaster.Domain", "TicketMaster.Infrastructure"],
        ["TicketMaster.Api"] = ["TicketMaster.Domain", "TicketMaster.Infrastructure", "TicketMaster.GraphQL", "TicketMaster.Indexer"],
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

    /// <summary>Assembly-name prefixes the core must not load: our other projects, database providers, adapters' clients, the server.</summary>
    private static readonly string[] OutsideTheCore =
    [
        "TicketMaster.", "Pomelo.", "MySqlConnector", "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.Data.Sqlite", "Microsoft.EntityFrameworkCore.Design",
        "StackExchange.Redis", "GraphQL", "Microsoft.AspNetCore.Http",
    ];

    [Fact]
    public void The_core_assembly_depends_on_no_provider_adapter_or_server_package()
    {
        var core = typeof(TicketMaster.Common.DomainException).Assembly;

        var forbidden = core.GetReferencedAssemblies().Select(name => name.Name!)
            .Where(name => OutsideTheCore.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)));

        Assert.Empty(forbidden);
    }

    [Fact]
    public void The_core_project_references_no_provider_or_adapter_package()
    {
        var project = XDocument.Load(Path.Combine(Repository.Root, "src", "Domain", "TicketMaster.Domain.csproj"));

        var forbidden = project.Descendants("PackageReference").Select(reference => reference.Attribute("Include")!.Value)
            .Where(package => OutsideTheCore.Any(prefix => package.StartsWith(prefix, StringComparison.Ordinal)));

        Assert.Empty(forbidden);
    }
}
