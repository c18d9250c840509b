using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace TicketMaster.GraphQL.Caching;

/// <summary>
/// Parsed documents by their text, so the few operations an app sends over and over are parsed
/// once. GraphQL.MemoryCache would do this, but it is not served here; without it every request
/// is parsed and validated again, work repeated for nothing on the on-sale path (ADR 0003, its
/// addendum). Bounded by the total length of the cached texts.
/// </summary>
public sealed class DocumentCache : IDocumentBuilder, IDisposable
{
    /// <summary>4 MB of operation text (a parsed document is roughly ten times its text).</summary>
    public const long MaxCachedCharacters = 4 * 1024 * 1024;

    /// <summary>Longer texts are parsed every time: they are rare, and one must not evict hundreds.</summary>
    public const int MaxCachedLength = 64 * 1024;

    private readonly IDocumentBuilder _parser = new GraphQLDocumentBuilder();
    private readonly MemoryCache _documents = new(new MemoryCacheOptions { SizeLimit = MaxCachedCharacters });
    private readonly ConditionalWeakTable<GraphQLDocument, object> _validated = [];

    public GraphQLDocument Build(string body)
    {
        if (_documents.TryGetValue(body, out GraphQLDocument? cached))
        {
            return cached!;
        }

        // A parse error throws before anything is cached, so malformed text is never kept.
        var document = _parser.Build(body);
        if (body.Length <= MaxCachedLength)
        {
            _documents.Set(body, document, new MemoryCacheEntryOptions { Size = Math.Max(body.Length, 1) });
        }

        return document;
    }

    /// <summary>True when this very document instance passed validation once against our schema.</summary>
    public bool IsValidated(GraphQLDocument document) => _validated.TryGetValue(document, out _);

    public void MarkValidated(GraphQLDocument document) => _validated.TryAdd(document, true);

    public void Dispose() => _documents.Dispose();
}

/// <summary>
/// Skips re-validating a cached document that already passed, except for the rules whose outcome
/// depends on the request: complexity, which reads the variables (<c>first: $n</c>).
/// </summary>
public sealed class SkipValidationOfValidatedDocuments(DocumentCache documents) : IConfigureExecution
{
    /// <summary>After the option configurators (100), which add the complexity rule.</summary>
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var document = options.Document;
        var validated = document is not null && documents.IsValidated(document);
        if (validated)
        {
            IEnumerable<IValidationRule> complexity = options.ValidationRules?.OfType<ComplexityValidationRule>() ?? [];
            options.ValidationRules = (options.CachedDocumentValidationRules ?? []).Concat(complexity).ToList();
        }

        var result = await next(options);
        if (!validated && document is not null && result.Executed)
        {
            documents.MarkValidated(document);
        }

        return result;
    }
}
