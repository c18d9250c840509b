using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace TicketMaster.GraphQL.Validation;

/// <summary>
/// Refuses a request that selects a once-per-request root field more than once, before anything
/// runs. Aliases otherwise turn one request into hundreds of password guesses (300 aliased
/// <c>login</c>s cost 23 s of hashing and slip past any per-request throttle).
/// </summary>
public sealed class OncePerRequest : ValidationRuleBase
{
    public const string Code = "ONCE_PER_REQUEST";

    /// <summary>Metadata key on a root field that may appear at most once in a request.</summary>
    public const string MetadataKey = "TicketMaster.OncePerRequest";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation is { Operation: OperationType.Mutation } operation && context.Schema.Mutation is { } root)
        {
            var limited = RootFields(operation.SelectionSet, context.Document, [])
                .Where(field => root.GetField(field.Name)?.GetMetadata<bool>(MetadataKey) == true)
                .ToList();
            if (limited.Count > 1)
            {
                var names = string.Join(", ", limited.Select(f => f.Name.StringValue).Distinct());
                context.ReportError(new ValidationError(
                    context.Document.Source,
                    null,
                    $"A request may call {names} once; it selects {limited.Count}. Send one request per attempt.",
                    [.. limited])
                { Code = Code });
            }
        }

        return default;
    }

    /// <summary>The operation's root fields, through fragment spreads and inline fragments.</summary>
    private static IEnumerable<GraphQLField> RootFields(GraphQLSelectionSet selectionSet, GraphQLDocument document, HashSet<string> spread)
    {
        foreach (var selection in selectionSet.Selections)
        {
            var nested = selection switch
            {
                GraphQLField field => [field],
                GraphQLInlineFragment inline => RootFields(inline.SelectionSet, document, spread),
                GraphQLFragmentSpread fragment when spread.Add(fragment.FragmentName.Name.StringValue)
                    && document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(d => d.FragmentName.Name == fragment.FragmentName.Name) is { } definition
                    => RootFields(definition.SelectionSet, document, spread),
                _ => [],
            };
            foreach (var field in nested)
            {
                yield return field;
            }
        }
    }
}
