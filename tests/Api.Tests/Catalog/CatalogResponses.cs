using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.Catalog;

// Shapes that several catalogue tests select; a shape one test alone selects is declared beside it.

/// <summary>A selection of <c>{ name }</c> alone.</summary>
public sealed record Named(string Name);

/// <summary>A connection of which <c>totalCount</c> and <c>nodes</c> are selected.</summary>
public sealed record Counted<T>(int TotalCount, IReadOnlyList<T> Nodes);

public static class CatalogNames
{
    /// <summary>The names of a list, in its order.</summary>
    public static List<string> Names(IEnumerable<Named> nodes) => nodes.Select(n => n.Name).ToList();
}
