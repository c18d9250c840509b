using GraphQL;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;

namespace TicketMaster.GraphQL.Caching;

/// <summary>
/// What a response may be cached as, computed from the fields its operation selects (statically,
/// as Hot Chocolate does, so the same document always gets the same policy):
/// <list type="bullet">
/// <item>a field's own <c>@cacheControl</c> wins, then the one on the type it returns;</item>
/// <item>a field without either (a scalar, a connection, a value object) inherits its parent's
/// <c>maxAge</c>; a root field without either is not cacheable at all;</item>
/// <item>a field that declares an authorization policy is private: its answer depends on who asks.</item>
/// </list>
/// </summary>
public sealed record CachePolicy(int MaxAge, bool Private, IReadOnlySet<string> Types)
{
    public static readonly CachePolicy NoStore = new(0, false, new HashSet<string>());

    public bool IsCacheable => MaxAge > 0;

    public static CachePolicy For(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        if (operation.Operation != OperationType.Query || schema.Query is not { } query)
        {
            return NoStore;
        }

        // Resolved types (what the walk reads) exist once the schema is initialized; the executer does that on its first request.
        if (!schema.Initialized)
        {
            schema.Initialize();
        }

        var walk = new Walk(schema, document);
        walk.Visit(query, operation.SelectionSet, inherited: null, depth: 0);
        return walk.Uncacheable || walk.MaxAge is null ? NoStore with { Private = walk.Private } : new(walk.MaxAge.Value, walk.Private, walk.Types);
    }

    private sealed class Walk(ISchema schema, GraphQLDocument document)
    {
        // Validation refuses cyclic fragments, but the walk must not trust that blindly.
        private const int MaxDepth = 64;

        public int? MaxAge { get; private set; }

        public bool Private { get; private set; }

        public bool Uncacheable { get; private set; }

        /// <summary>The object types read, by name: what the server cache tags the answer with.</summary>
        public HashSet<string> Types { get; } = new(StringComparer.Ordinal);

        public void Visit(IGraphType type, GraphQLSelectionSet selections, int? inherited, int depth)
        {
            if (depth > MaxDepth)
            {
                Uncacheable = true;
                return;
            }

            foreach (var selection in selections.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        VisitField(type, field, inherited, depth);
                        break;
                    case GraphQLInlineFragment inline:
                        Visit(inline.TypeCondition is { } condition ? schema.AllTypes[condition.Type.Name.StringValue] ?? type : type, inline.SelectionSet, inherited, depth + 1);
                        break;
                    case GraphQLFragmentSpread spread when document.FindFragmentDefinition(spread.FragmentName.Name) is { } fragment:
                        Visit(schema.AllTypes[fragment.TypeCondition.Type.Name.StringValue] ?? type, fragment.SelectionSet, inherited, depth + 1);
                        break;
                    default:
                        Uncacheable = true;
                        break;
                }
            }
        }

        private void VisitField(IGraphType parent, GraphQLField field, int? inherited, int depth)
        {
            var name = field.Name.StringValue;
            if (name == "__typename")
            {
                return;
            }

            // Introspection (__schema, __type) and anything not found carry no hint: not cacheable.
            if (parent is not IComplexGraphType complex || complex.GetField(name) is not { } definition)
            {
                Uncacheable = true;
                return;
            }

            var returned = definition.ResolvedType?.GetNamedType();
            var hint = definition.FindCacheHint() ?? (returned is IComplexGraphType or UnionGraphType ? returned.FindCacheHint() : null);
            Private |= hint?.Private == true || definition.IsAuthorizationRequired();
            int? maxAge = hint is { MaxAge: { } own, InheritMaxAge: false } ? own : inherited ?? hint?.MaxAge;
            if (maxAge is null)
            {
                Uncacheable = true;
                return;
            }

            MaxAge = Math.Min(MaxAge ?? int.MaxValue, maxAge.Value);
            if (returned is IObjectGraphType or IInterfaceGraphType or UnionGraphType)
            {
                Types.Add(returned.Name);

                // `events { totalCount }` shows no Event, yet changes with them: a connection stands for its nodes.
                if (returned is IComplexGraphType connection && connection.GetField("nodes")?.ResolvedType?.GetNamedType() is { } nodes)
                {
                    Types.Add(nodes.Name);
                }
            }

            if (field.SelectionSet is { } children && returned is not null)
            {
                Visit(returned, children, maxAge, depth + 1);
            }
        }
    }
}
