using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQLParser.AST;

namespace TicketMaster.GraphQL;

/// <summary>
/// The cost model in the SDL, as Hot Chocolate's cost analysis shows it (IBM's GraphQL cost
/// directives): <c>@cost(weight:)</c> on a field that costs more than 1, <c>@listSize(assumedSize:)</c>
/// on a list that is not paginated, so a client can price a query before sending it. Each helper
/// sets the analyzer's impact and the directive from the same numbers, so they cannot disagree.
/// </summary>
public static class CostDirectives
{
    public const string Cost = "cost";
    public const string ListSize = "listSize";

    /// <summary>A list of about <paramref name="assumedSize"/> items, each child costed that many times.</summary>
    public static FieldBuilder<TSource, TReturn> Sized<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, int assumedSize) =>
        field.WithComplexityImpact(1, assumedSize).ApplyDirective(ListSize, "assumedSize", assumedSize);

    /// <summary>
    /// A field that costs <paramref name="weight"/> by itself (a compact seat map, whose own lists are
    /// small but whose reading is not); its children are costed <paramref name="childMultiplier"/> times.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> Weighted<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, int weight, int childMultiplier) =>
        field.WithComplexityImpact(weight, childMultiplier).ApplyDirective(Cost, "weight", weight.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A list whose size is known only from its arguments (the analyzer computes it per request); the SDL says which.</summary>
    public static FieldBuilder<TSource, TReturn> SizedBy<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string sizedBy, Func<global::GraphQL.Validation.Complexity.FieldImpactContext, double> size)
    {
        field.WithComplexityImpact(impact => new(1, size(impact))).ApplyDirective(ListSize, "sizedBy", sizedBy);
        return field;
    }

    public static void RegisterCostDirectives(this ISchema schema)
    {
        schema.Directives.Register(
            new Directive(Cost, DirectiveLocation.FieldDefinition)
            {
                Description = "What resolving the field costs against a request's complexity budget (25,000), before its children; 1 unless given.",
                Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<StringGraphType>> { Name = "weight", Description = "The cost, as a number in a string (as in Hot Chocolate's `@cost`)." }),
            },
            new Directive(ListSize, DirectiveLocation.FieldDefinition)
            {
                Description = "How many items the complexity analyzer assumes a list returns; each child field is costed that many times. Connections are sized by their `first`/`last` instead.",
                Arguments = new QueryArguments(
                    new QueryArgument<IntGraphType> { Name = "assumedSize", Description = "The assumed number of items." },
                    new QueryArgument<StringGraphType> { Name = "sizedBy", Description = "When the size is counted per request instead: what it is counted from." }),
            });
    }
}
