namespace TicketMaster.GraphQL.Transport;

/// <summary>Limits of the <c>/graphql</c> HTTP endpoint, bound from the <c>GraphQL</c> configuration section.</summary>
public sealed class GraphQLHttpOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>
    /// The largest POST body accepted, in bytes; larger ones get 413 before anything is parsed.
    /// 256 KiB holds any hand-written operation with its variables many times over, while keeping
    /// a flood of huge bodies from costing parse time and memory.
    /// </summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Whether errors carry the exception's type, message and stack trace in <c>extensions.details</c>.
    /// Off unless set, in every environment: file paths and internals are nobody's business but the
    /// log's, and the correlation id finds the full story there.
    /// </summary>
    public bool ExposeExceptionDetails { get; set; }

    /// <summary>
    /// Whether <c>__schema</c>/<c>__type</c> queries and <c>GET /graphql?sdl</c> answer. On by default:
    /// the schema is public (schema/schema.graphql is in the repository) and IDEs and codegen need it;
    /// an operator who wants it private turns it off (<c>__typename</c> always works).
    /// </summary>
    public bool Introspection { get; set; } = true;
}
