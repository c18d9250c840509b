namespace TicketMaster.GraphQL.PersistedOperations;

/// <summary>Settings under <c>GraphQL:PersistedOperations</c>.</summary>
public sealed class PersistedOperationOptions
{
    public const string SectionName = "GraphQL:PersistedOperations";

    /// <summary>The operation store: a folder of <c>&lt;id&gt;.graphql</c> files, relative to the content root.</summary>
    public string Directory { get; set; } = "persisted-operations";

    /// <summary>
    /// Trusted documents: only operations already in the store run; any other document, and
    /// automatic registration (APQ), is refused with <c>PERSISTED_OPERATION_REQUIRED</c>.
    /// </summary>
    public bool OnlyPersisted { get; set; }
}
