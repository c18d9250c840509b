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

    /// <summary>
    /// The largest response body, in bytes; a larger answer is replaced by a <c>RESPONSE_TOO_LARGE</c>
    /// error. 8 MiB is many times the largest legitimate page (a stadium's whole seat map is 88 KB,
    /// its largest section's seats well under 1 MB) and keeps one request from costing gigabytes.
    /// </summary>
    public int MaxResponseBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// How long one query or mutation may run before it is cancelled with <c>EXECUTION_TIME_EXCEEDED</c>
    /// (not subscriptions: a stream lives as long as its client wants it). Zero turns the budget off.
    /// </summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
