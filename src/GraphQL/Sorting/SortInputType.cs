using System.ComponentModel;
using System.Linq.Expressions;
using GraphQL.Types;
using TicketMaster.GraphQL.Filtering;

namespace TicketMaster.GraphQL.Sorting;

public enum SortDirection
{
    [Description("Ascending: smallest, earliest or A first.")]
    Asc,

    [Description("Descending: largest, latest or Z first.")]
    Desc,
}

/// <summary>Hot Chocolate's <c>enum SortEnumType { ASC DESC }</c>.</summary>
public sealed class SortEnumType : EnumerationGraphType<SortDirection>
{
    public SortEnumType()
    {
        Name = "SortEnumType";
        Description = "The direction to sort by a field in.";
    }
}

/// <summary>
/// A Hot Chocolate style <c>order</c> input: <c>order: [{ startsAt: ASC }, { venue: { name: DESC } }]</c>
/// becomes OrderBy/ThenBy in SQL, in the order given.
/// </summary>
public abstract class SortInputType<TEntity> : InputObjectGraphType
{
    private readonly Dictionary<string, Func<Expression, object, IEnumerable<(LambdaExpression Key, SortDirection Direction)>>> _fields = [];

    /// <param name="name">The input type's name, <c>EventSortInput</c>.</param>
    /// <param name="items">What it sorts, in the plural: "events".</param>
    protected SortInputType(string name, string items)
    {
        Name = name;
        Description = $"A sort key for {items}: set one field to ASC or DESC. In an `order` list, each entry is the next key: `[{{ a: ASC }}, {{ b: DESC }}]` sorts by `a`, then by `b` where `a` ties.";
    }

    /// <summary>Applies every entry of <paramref name="order"/>, then <paramref name="tieBreaker"/> so pages are stable.</summary>
    public IQueryable<TEntity> Apply<TKey>(IQueryable<TEntity> query, IEnumerable<object?>? order, Expression<Func<TEntity, TKey>> tieBreaker)
    {
        var entity = Expression.Parameter(typeof(TEntity), "e");
        var keys = (order ?? []).OfType<IDictionary<string, object?>>().SelectMany(entry => Keys(entity, entry)).ToList();
        if (keys.Count > 10)
        {
            throw new FilterError("Sort by at most 10 fields.");
        }

        var sorted = query.Expression;
        var first = true;
        foreach (var (key, direction) in keys.Append((tieBreaker, SortDirection.Asc)))
        {
            var method = (first, direction) switch
            {
                (true, SortDirection.Asc) => nameof(Queryable.OrderBy),
                (true, SortDirection.Desc) => nameof(Queryable.OrderByDescending),
                (false, SortDirection.Asc) => nameof(Queryable.ThenBy),
                _ => nameof(Queryable.ThenByDescending),
            };
            sorted = Expression.Call(typeof(Queryable), method, [typeof(TEntity), key.ReturnType], sorted, Expression.Quote(key));
            first = false;
        }

        return query.Provider.CreateQuery<TEntity>(sorted);
    }

    public IEnumerable<(LambdaExpression Key, SortDirection Direction)> Keys(ParameterExpression entity, IDictionary<string, object?> entry) =>
        entry.Where(pair => pair.Value is not null).SelectMany(pair => _fields[pair.Key](entity, pair.Value!));

    /// <param name="description">What sorting on the field means, for the schema: "By start time."</param>
    protected void Field(string name, LambdaExpression member, string description)
    {
        Field<SortEnumType>(name).Description(description);
        _fields[name] = (entity, value) =>
            [(Expression.Lambda(ExpressionValues.Rebind(member, entity), (ParameterExpression)entity), (SortDirection)value)];
    }

    /// <summary>A nested object: <c>venue: { name: ASC }</c>.</summary>
    protected void Object<TSort, TOther>(string name, Expression<Func<TEntity, TOther?>> member, string description)
        where TSort : SortInputType<TOther>
    {
        var field = Field<TSort>(name).Description(description).FieldType;
        _fields[name] = (entity, value) =>
        {
            var other = Expression.Parameter(typeof(TOther), "x");
            var navigation = ExpressionValues.Rebind(member, entity);
            return ((TSort)field.ResolvedType!).Keys(other, (IDictionary<string, object?>)value)
                .Select(key => (Expression.Lambda(ExpressionValues.Rebind(key.Key, navigation), (ParameterExpression)entity), key.Direction));
        };
    }
}
