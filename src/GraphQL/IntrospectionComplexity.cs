using GraphQL.Validation.Complexity;

namespace TicketMaster.GraphQL;

/// <summary>
/// Complexity for introspection. Its lists are costed like data lists by default (20 items each),
/// which prices graphql-js's standard introspection query at ~200,000 and locks IDEs and codegen
/// out. Introspection reads the in-memory schema, so it costs nothing here, as long as it does not
/// recurse: a path through more than <see cref="MaxTypeListNesting"/> of <c>fields</c>,
/// <c>inputFields</c>, <c>interfaces</c> or <c>possibleTypes</c> (the standard query uses one)
/// grows exponentially with the schema, so it is priced over any limit; graphql-js's
/// MaxIntrospectionDepthRule in complexity terms.
/// </summary>
public static class IntrospectionComplexity
{
    public const int MaxTypeListNesting = 2;

    private static readonly HashSet<string> TypeLists = ["fields", "inputFields", "interfaces", "possibleTypes"];

    public static Func<FieldImpactContext, FieldComplexityResult> FreeForIntrospection(Func<FieldImpactContext, FieldComplexityResult> dataImpact) =>
        context =>
        {
            if (!IsIntrospection(context))
            {
                return dataImpact(context);
            }

            return TypeListNesting(context) <= MaxTypeListNesting
                ? new FieldComplexityResult(0, 1)
                : new FieldComplexityResult((context.Configuration.MaxComplexity ?? 0) + 1, 1);
        };

    private static bool IsIntrospection(FieldImpactContext context) =>
        context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal)
        || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal);

    private static int TypeListNesting(FieldImpactContext context)
    {
        var nesting = 0;
        for (FieldImpactContext? field = context; field is { } current; field = current.Parent)
        {
            if (TypeLists.Contains(current.FieldDefinition.Name))
            {
                nesting++;
            }
        }

        return nesting;
    }
}
