using System.Linq.Expressions;
using GraphQL.Types;

namespace TicketMaster.GraphQL.Filtering;

public static class FilterInputType
{
    /// <summary>How deep <c>and</c>/<c>or</c> and nested objects may go; input depth escapes the query-depth limit.</summary>
    public const int MaxDepth = 8;

    /// <summary>How many alternatives one <c>and</c>/<c>or</c> list may hold: each is a condition in the SQL.</summary>
    public const int MaxAlternatives = 100;

    /// <summary>
    /// One filter object: its <c>and</c>/<c>or</c> lists (each part built by <paramref name="nested"/>)
    /// and every other field (built by <paramref name="field"/>), all of which must hold.
    /// </summary>
    internal static Expression AllOf(
        IDictionary<string, object?> filter, int depth, Func<IDictionary<string, object?>, Expression> nested, Func<string, object?, Expression> field)
    {
        if (depth > MaxDepth)
        {
            throw new FilterError($"Filters may nest at most {MaxDepth} levels deep.");
        }

        Expression? result = null;
        foreach (var (name, value) in filter)
        {
            var condition = name switch
            {
                "and" => Combine(value, nested, Expression.AndAlso, identity: true),
                "or" => Combine(value, nested, Expression.OrElse, identity: false),
                _ => field(name, value),
            };
            result = result is null ? condition : Expression.AndAlso(result, condition);
        }

        return result ?? Expression.Constant(true);
    }

    private static Expression Combine(
        object? value, Func<IDictionary<string, object?>, Expression> nested, Func<Expression, Expression, Expression> join, bool identity)
    {
        var parts = (value as IEnumerable<object?>)?.OfType<IDictionary<string, object?>>().ToList() ?? [];
        if (parts.Count > MaxAlternatives)
        {
            throw new FilterError($"`and` and `or` take at most {MaxAlternatives} filters.");
        }

        return parts.Count == 0 ? Expression.Constant(identity) : parts.Select(nested).Aggregate(join);
    }
}

/// <summary>
/// A Hot Chocolate style <c>where</c> input for <typeparamref name="TEntity"/>. Each field is declared
/// once with the member it filters, which gives both the GraphQL input field and its translation
/// to an expression EF turns into SQL.
/// </summary>
public abstract class FilterInputType<TEntity> : InputObjectGraphType
{
    private readonly Dictionary<string, Func<Expression, object?, int, Expression>> _fields = [];

    /// <param name="name">The input type's name, <c>EventFilterInput</c>.</param>
    /// <param name="items">What it filters, in the plural: "events".</param>
    protected FilterInputType(string name, string items)
    {
        Name = name;
        Description = $"Conditions on {items}: one matches when every field given holds; combine alternatives with `or`.";
        var self = typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(GetType()));
        AddField(new FieldType { Name = "and", Type = self, Description = $"Every one of these filters must hold (at most {FilterInputType.MaxAlternatives})." });
        AddField(new FieldType { Name = "or", Type = self, Description = $"At least one of these filters must hold (at most {FilterInputType.MaxAlternatives})." });
    }

    /// <summary>The predicate for a whole <c>where</c> value.</summary>
    public Expression<Func<TEntity, bool>> ToPredicate(IDictionary<string, object?> filter)
    {
        var entity = Expression.Parameter(typeof(TEntity), "e");
        return Expression.Lambda<Func<TEntity, bool>>(Build(entity, filter, 0), entity);
    }

    public Expression Build(Expression instance, IDictionary<string, object?> filter, int depth) =>
        FilterInputType.AllOf(
            filter,
            depth,
            part => Build(instance, part, depth + 1),
            (name, value) => value is null ? Expression.Constant(true) : _fields[name](instance, value, depth));

    /// <param name="description">What the field filters on, for the schema: "Events by display name."</param>
    protected void String(string name, Expression<Func<TEntity, string?>> member, string description) =>
        Operation<StringOperationFilterInputType>(name, member, description);

    protected void Comparable<TOperations>(string name, LambdaExpression member, string description)
        where TOperations : OperationFilterInputType => Operation<TOperations>(name, member, description);

    protected void Enum<TEnumType>(string name, LambdaExpression member, string description)
        where TEnumType : EnumerationGraphType, new() => Operation<EnumOperationFilterInputType<TEnumType>>(name, member, description);

    /// <summary>
    /// A start a client filters by instant or by day: <paramref name="instant"/> answers date-times,
    /// <paramref name="wallClock"/> (the same moment on the local clock) answers dates.
    /// </summary>
    protected void DateOrDateTime(string name, Expression<Func<TEntity, DateTime>> instant, Expression<Func<TEntity, DateTime?>> wallClock, string description)
    {
        var field = Field<DateOrDateTimeOperationFilterInputType>(name).Description(description).FieldType;
        _fields[name] = (instance, value, depth) => ((DateOrDateTimeOperationFilterInputType)field.ResolvedType!).Build(
            ExpressionValues.Rebind(instant, instance), ExpressionValues.Rebind(wallClock, instance), (IDictionary<string, object?>)value!, depth + 1);
    }

    /// <summary>A nested object: <c>venue: { city: { eq: "Berlin" } }</c>.</summary>
    protected void Object<TFilter, TOther>(string name, Expression<Func<TEntity, TOther?>> member, string description)
        where TFilter : FilterInputType<TOther>
    {
        var field = Field<TFilter>(name).Description(description).FieldType;
        _fields[name] = (instance, value, depth) =>
            ((TFilter)field.ResolvedType!).Build(ExpressionValues.Rebind(member, instance), (IDictionary<string, object?>)value!, depth + 1);
    }

    /// <summary>A list: <c>performers: { some: { name: { eq: "…" } } }</c> with some / none / all / any.</summary>
    protected void List<TFilter, TOther>(string name, Expression<Func<TEntity, IEnumerable<TOther>>> member, string description)
        where TFilter : FilterInputType<TOther>
    {
        var field = Field<ListFilterInputType<TFilter, TOther>>(name).Description(description).FieldType;
        _fields[name] = (instance, value, depth) =>
            ((ListFilterInputType<TFilter, TOther>)field.ResolvedType!).Build(ExpressionValues.Rebind(member, instance), (IDictionary<string, object?>)value!, depth + 1);
    }

    private void Operation<TOperations>(string name, LambdaExpression member, string description)
        where TOperations : OperationFilterInputType
    {
        var field = Field<TOperations>(name).Description(description).FieldType;
        _fields[name] = (instance, value, depth) =>
            ((TOperations)field.ResolvedType!).Build(ExpressionValues.Rebind(member, instance), (IDictionary<string, object?>)value!, depth + 1);
    }
}

/// <summary><c>ListFilterInputTypeOfXFilterInput { some none all any }</c>, as Hot Chocolate names it.</summary>
public sealed class ListFilterInputType<TFilter, TOther> : InputObjectGraphType
    where TFilter : FilterInputType<TOther>
{
    public ListFilterInputType()
    {
        var elementName = typeof(TFilter).Name.Replace("Type", "", StringComparison.Ordinal);
        Name = $"ListFilterInputTypeOf{elementName}";
        Description = "Conditions on a list: whether some, none or all of its items match a filter, or whether it has any items at all.";
        Field<TFilter>("some").Description("At least one item matches.");
        Field<TFilter>("none").Description("No item matches.");
        Field<TFilter>("all").Description("Every item matches (an empty list does).");
        Field<BooleanGraphType>("any").Description("`true`: the list has at least one item; `false`: it is empty.");
    }

    public Expression Build(Expression list, IDictionary<string, object?> filter, int depth)
    {
        Expression? result = null;
        foreach (var (name, value) in filter)
        {
            if (value is null)
            {
                continue;
            }

            var condition = name == "any"
                ? (bool)value ? Any(list, null) : Expression.Not(Any(list, null))
                : Quantified(name, list, (IDictionary<string, object?>)value, depth);
            result = result is null ? condition : Expression.AndAlso(result, condition);
        }

        return result ?? Expression.Constant(true);
    }

    private Expression Quantified(string name, Expression list, IDictionary<string, object?> filter, int depth)
    {
        var element = Expression.Parameter(typeof(TOther), "x");
        var elementFilter = (TFilter)Fields.Find(name)!.ResolvedType!;
        var predicate = Expression.Lambda<Func<TOther, bool>>(elementFilter.Build(element, filter, depth + 1), element);
        return name switch
        {
            "some" => Any(list, predicate),
            "none" => Expression.Not(Any(list, predicate)),
            _ => Expression.Call(typeof(Enumerable), nameof(Enumerable.All), [typeof(TOther)], list, predicate),
        };
    }

    private static Expression Any(Expression list, Expression<Func<TOther, bool>>? predicate) =>
        predicate is null
            ? Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(TOther)], list)
            : Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(TOther)], list, predicate);
}
