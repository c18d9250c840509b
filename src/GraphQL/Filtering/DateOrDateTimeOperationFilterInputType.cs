using System.Linq.Expressions;
using GraphQL.Types;
using TicketMaster.GraphQL.Scalars;

namespace TicketMaster.GraphQL.Filtering;

/// <summary>
/// <c>eq neq in nin gt ngt gte ngte lt nlt lte nlte</c> on something that has an instant and a local
/// wall clock. An instant compares the instant; a day compares whole days on the wall clock, so
/// <c>eq: "2027-03-01"</c> is that day from midnight to midnight there, <c>lte</c> includes the day and
/// <c>gt</c> starts the day after (ADR 0014).
/// </summary>
public sealed class DateOrDateTimeOperationFilterInputType : InputObjectGraphType
{
    private static readonly string[] Comparisons = ["eq", "neq", "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte"];

    public DateOrDateTimeOperationFilterInputType()
    {
        Name = "DateOrDateTimeOperationFilterInput";
        Description = "Conditions on a start: every operator given must hold. A date-time compares the instant; a date (`2027-03-01`) compares whole days "
            + "on the local clock of what is filtered (for events, the venue's), so `eq` matches that day, `lte` includes it and `gt` begins after it.";
        Field<ListGraphType<NonNullGraphType<DateOrDateTimeOperationFilterInputType>>>("and").Description(OperationFilterInputType.Operators["and"]);
        Field<ListGraphType<NonNullGraphType<DateOrDateTimeOperationFilterInputType>>>("or").Description(OperationFilterInputType.Operators["or"]);
        foreach (var op in Comparisons)
        {
            Field<DateOrDateTimeGraphType>(op).Description(OperationFilterInputType.Operators[op]);
        }

        Field<ListGraphType<DateOrDateTimeGraphType>>("in").Description(OperationFilterInputType.Operators["in"]);
        Field<ListGraphType<DateOrDateTimeGraphType>>("nin").Description(OperationFilterInputType.Operators["nin"]);
    }

    /// <param name="instant">The UTC instant, compared with date-times.</param>
    /// <param name="wallClock">The same moment on the local clock, compared with days.</param>
    public Expression Build(Expression instant, Expression wallClock, IDictionary<string, object?> operations, int depth) =>
        FilterInputType.AllOf(operations, depth, part => Build(instant, wallClock, part, depth + 1), (name, value) => Apply(name, instant, wallClock, value));

    private static Expression Apply(string name, Expression instant, Expression wallClock, object? value) => name switch
    {
        "in" => In(instant, wallClock, value),
        "nin" => Expression.Not(In(instant, wallClock, value)),
        "eq" or "neq" when value is null => Expression.Constant(name == "neq" && instant.Type.IsValueType),
        _ when value is null => throw new FilterError($"`{name}` needs a value."),
        _ when name.StartsWith('n') => Expression.Not(Compare(name[1..], instant, wallClock, value)),
        _ => Compare(name, instant, wallClock, value),
    };

    private static Expression In(Expression instant, Expression wallClock, object? values)
    {
        var list = (values as IEnumerable<object?>)?.ToList() ?? throw new FilterError("`in` and `nin` take a list.");
        if (list.Count > OperationFilterInputType.MaxListLength)
        {
            throw new FilterError($"`in` and `nin` take at most {OperationFilterInputType.MaxListLength} values.");
        }

        return list.Aggregate(
            (Expression)Expression.Constant(false),
            (any, item) => Expression.OrElse(any, item is null ? Expression.Constant(false) : Compare("eq", instant, wallClock, item)));
    }

    private static Expression Compare(string name, Expression instant, Expression wallClock, object value)
    {
        if (value is DateOnly day)
        {
            // [start, end) of the day on the wall clock; a wall clock has no offset, so neither has the bound.
            var start = Parameter(day.ToDateTime(TimeOnly.MinValue), wallClock.Type);
            var end = Parameter(day.AddDays(1).ToDateTime(TimeOnly.MinValue), wallClock.Type);
            return name switch
            {
                "eq" => Expression.AndAlso(Expression.GreaterThanOrEqual(wallClock, start), Expression.LessThan(wallClock, end)),
                "gt" => Expression.GreaterThanOrEqual(wallClock, end),
                "gte" => Expression.GreaterThanOrEqual(wallClock, start),
                "lt" => Expression.LessThan(wallClock, start),
                _ => Expression.LessThan(wallClock, end),
            };
        }

        var at = Parameter((DateTime)value, instant.Type);
        return name switch
        {
            "eq" => Expression.Equal(instant, at),
            "gt" => Expression.GreaterThan(instant, at),
            "gte" => Expression.GreaterThanOrEqual(instant, at),
            "lt" => Expression.LessThan(instant, at),
            _ => Expression.LessThanOrEqual(instant, at),
        };
    }

    private static Expression Parameter(DateTime value, Type type) => ExpressionValues.Parameter(value, type);
}
