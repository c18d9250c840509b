using System.Linq.Expressions;
using GraphQL.Types;

namespace TicketMaster.GraphQL.Filtering;

/// <summary>
/// The operator inputs of Hot Chocolate's filtering, with its names and operators. Each knows
/// how to turn its operators into a predicate over one member.
/// </summary>
public abstract class OperationFilterInputType : InputObjectGraphType
{
    internal const int MaxListLength = 100;

    /// <summary>What each operator means, the same in every operator input.</summary>
    protected internal static readonly IReadOnlyDictionary<string, string> Operators = new Dictionary<string, string>
    {
        ["and"] = $"Every one of these conditions must hold (at most {FilterInputType.MaxAlternatives}).",
        ["or"] = $"At least one of these conditions must hold (at most {FilterInputType.MaxAlternatives}).",
        ["eq"] = "Equal to the value; `eq: null` matches where there is no value.",
        ["neq"] = "Not equal to the value; `neq: null` matches where there is a value.",
        ["in"] = $"Equal to one of the values (at most {MaxListLength}).",
        ["nin"] = $"Equal to none of the values (at most {MaxListLength}).",
        ["gt"] = "Greater than the value.",
        ["ngt"] = "Not greater than the value: less than or equal to it.",
        ["gte"] = "Greater than or equal to the value.",
        ["ngte"] = "Not greater than or equal to the value: less than it.",
        ["lt"] = "Less than the value.",
        ["nlt"] = "Not less than the value: greater than or equal to it.",
        ["lte"] = "Less than or equal to the value.",
        ["nlte"] = "Not less than or equal to the value: greater than it.",
        ["contains"] = "Contains the text.",
        ["ncontains"] = "Does not contain the text.",
        ["startsWith"] = "Starts with the text.",
        ["nstartsWith"] = "Does not start with the text.",
        ["endsWith"] = "Ends with the text.",
        ["nendsWith"] = "Does not end with the text.",
    };

    /// <summary>The predicate for one operator object (<c>{ eq: …, gt: … }</c>) applied to <paramref name="member"/>.</summary>
    public Expression Build(Expression member, IDictionary<string, object?> operations, int depth) =>
        FilterInputType.AllOf(operations, depth, part => Build(member, part, depth + 1), (name, value) => Apply(name, member, value));

    /// <summary>A type's own operators (<c>contains</c>, <c>gt</c>, …), each given a value that is not null.</summary>
    protected virtual Expression Operation(string name, Expression member, object value) =>
        throw new FilterError($"`{name}` is not an operator of {Name}.");

    /// <summary><c>eq neq in nin</c> mean the same for every type and take null; every other operator is the type's own.</summary>
    private Expression Apply(string name, Expression member, object? value) => name switch
    {
        "eq" => EqualOrNull(member, value, negate: false),
        "neq" => EqualOrNull(member, value, negate: true),
        "in" => In(member, value),
        "nin" => Expression.Not(In(member, value)),
        _ when value is null => throw new FilterError($"`{name}` needs a value."),
        _ => Operation(name, member, value),
    };

    protected static Expression Value(Expression member, object? value) =>
        ExpressionValues.Parameter(value is null ? null : Convert(value, member.Type), member.Type);

    /// <summary><c>in</c>: an OR of equalities, which every provider translates, value converters included.</summary>
    protected static Expression In(Expression member, object? values)
    {
        var list = (values as IEnumerable<object?>)?.ToList() ?? throw new FilterError("`in` and `nin` take a list.");
        if (list.Count > MaxListLength)
        {
            throw new FilterError($"`in` and `nin` take at most {MaxListLength} values.");
        }

        return list.Aggregate((Expression)Expression.Constant(false), (any, item) => Expression.OrElse(any, Expression.Equal(member, Value(member, item))));
    }

    protected static Expression EqualOrNull(Expression member, object? value, bool negate)
    {
        if (value is null && member.Type.IsValueType && Nullable.GetUnderlyingType(member.Type) is null)
        {
            // A non-null column never equals null.
            return Expression.Constant(negate);
        }

        var equal = Expression.Equal(member, Value(member, value));
        return negate ? Expression.Not(equal) : equal;
    }

    private static object Convert(object value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return value switch
        {
            DateTime time when target == typeof(DateTime) => time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime(),
            DateTimeOffset time when target == typeof(DateTime) => time.UtcDateTime,
            _ when target.IsInstanceOfType(value) => value,
            _ => System.Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

public sealed class StringOperationFilterInputType : OperationFilterInputType
{
    public StringOperationFilterInputType()
    {
        Name = "StringOperationFilterInput";
        Description = "Conditions on a text: every operator given must hold. `eq`, `neq`, `in` and `nin` take null; the others need a text.";
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInputType>>>("and").Description(Operators["and"]);
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInputType>>>("or").Description(Operators["or"]);
        foreach (var name in new[] { "eq", "neq", "contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith" })
        {
            Field<StringGraphType>(name).Description(Operators[name]);
        }

        Field<ListGraphType<StringGraphType>>("in").Description(Operators["in"]);
        Field<ListGraphType<StringGraphType>>("nin").Description(Operators["nin"]);
    }

    protected override Expression Operation(string name, Expression member, object value) => name.StartsWith('n')
        ? Expression.Not(Call(name[1..], member, value))
        : Call(name, member, value);

    private static Expression Call(string method, Expression member, object? value) =>
        Expression.AndAlso(
            Expression.NotEqual(member, Expression.Constant(null, typeof(string))),
            Expression.Call(member, char.ToUpperInvariant(method[0]) + method[1..], Type.EmptyTypes, Value(member, value)));
}

/// <summary>Numbers and dates: <c>eq neq in nin gt ngt gte ngte lt nlt lte nlte</c>.</summary>
public abstract class ComparableOperationFilterInputType<TSelf, TScalar> : OperationFilterInputType
    where TSelf : ComparableOperationFilterInputType<TSelf, TScalar>
    where TScalar : ScalarGraphType
{
    /// <param name="name">The input type's name.</param>
    /// <param name="values">What is compared, as a phrase: "a whole number".</param>
    protected ComparableOperationFilterInputType(string name, string values)
    {
        Name = name;
        Description = $"Conditions on {values}: every operator given must hold. `eq`, `neq`, `in` and `nin` take null; the others need a value.";
        Field<ListGraphType<NonNullGraphType<TSelf>>>("and").Description(Operators["and"]);
        Field<ListGraphType<NonNullGraphType<TSelf>>>("or").Description(Operators["or"]);
        foreach (var op in new[] { "eq", "neq", "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte" })
        {
            Field<TScalar>(op).Description(Operators[op]);
        }

        Field<ListGraphType<TScalar>>("in").Description(Operators["in"]);
        Field<ListGraphType<TScalar>>("nin").Description(Operators["nin"]);
    }

    protected override Expression Operation(string name, Expression member, object value) => name switch
    {
        "gt" => Expression.GreaterThan(member, Value(member, value)),
        "gte" => Expression.GreaterThanOrEqual(member, Value(member, value)),
        "lt" => Expression.LessThan(member, Value(member, value)),
        "lte" => Expression.LessThanOrEqual(member, Value(member, value)),
        _ => Expression.Not(Operation(name[1..], member, value)),
    };
}

public sealed class IntOperationFilterInputType() : ComparableOperationFilterInputType<IntOperationFilterInputType, IntGraphType>("IntOperationFilterInput", "a whole number");

public sealed class FloatOperationFilterInputType() : ComparableOperationFilterInputType<FloatOperationFilterInputType, FloatGraphType>("FloatOperationFilterInput", "a number");

public sealed class DateTimeOperationFilterInputType() : ComparableOperationFilterInputType<DateTimeOperationFilterInputType, DateTimeGraphType>(
        "DateTimeOperationFilterInput", "a date-time, where later is greater (ISO-8601; one without an offset is UTC)");

/// <summary>Enums: <c>eq neq in nin</c>.</summary>
public sealed class EnumOperationFilterInputType<TEnumType> : OperationFilterInputType
    where TEnumType : EnumerationGraphType, new()
{
    public EnumOperationFilterInputType()
    {
        var enumName = new TEnumType().Name;
        Name = $"{enumName}OperationFilterInput";
        Description = $"Conditions on a value of `{enumName}`: every operator given must hold.";
        Field<ListGraphType<NonNullGraphType<EnumOperationFilterInputType<TEnumType>>>>("and").Description(Operators["and"]);
        Field<ListGraphType<NonNullGraphType<EnumOperationFilterInputType<TEnumType>>>>("or").Description(Operators["or"]);
        Field<TEnumType>("eq").Description(Operators["eq"]);
        Field<TEnumType>("neq").Description(Operators["neq"]);
        Field<ListGraphType<NonNullGraphType<TEnumType>>>("in").Description(Operators["in"]);
        Field<ListGraphType<NonNullGraphType<TEnumType>>>("nin").Description(Operators["nin"]);
    }
}
