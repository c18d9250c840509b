using System.Linq.Expressions;
using System.Reflection;

namespace TicketMaster.Common;

/// <summary>
/// Lets a rule be written once, as an expression over an entity and the current time
/// (<see cref="Booking.EventSeat.IsAvailable"/>, <see cref="Booking.Hold.IsActive"/>), and used
/// inside EF queries as well as in memory. EF cannot translate a call to a compiled delegate, so a
/// query names the rule with <see cref="Invoke{T, TArg, TResult}"/> and <see cref="Expand{T}(IQueryable{T})"/>
/// (or <c>Expand(lambda)</c> for a compiled query) puts the rule's
/// body in its place before EF sees the query.
/// </summary>
public static class Rules
{
    private static readonly MethodInfo InvokeMethod = typeof(Rules).GetMethod(nameof(Invoke))!;

    /// <summary>Stands for the rule applied to these arguments, inside an expression that is expanded.</summary>
    public static TResult Invoke<T, TArg, TResult>(this Expression<Func<T, TArg, TResult>> rule, T value, TArg argument) =>
        throw new InvalidOperationException($"{nameof(Invoke)} marks a rule inside a query; expand the query with {nameof(Rules)}.{nameof(Expand)} first.");

    /// <summary>
    /// The rule as a filter at <paramref name="argument"/>. The argument is captured as a closure
    /// would capture it, so EF sends it as a parameter and caches one plan, not one per instant.
    /// </summary>
    public static Expression<Func<T, bool>> At<T, TArg>(this Expression<Func<T, TArg, bool>> rule, TArg argument) =>
        Expand((T value) => rule.Invoke(value, argument));

    public static IQueryable<T> Expand<T>(this IQueryable<T> query) => query.Provider.CreateQuery<T>(new Inliner().Visit(query.Expression));

    public static Expression<Func<T1, TResult>> Expand<T1, TResult>(Expression<Func<T1, TResult>> expression) => Inline(expression);

    public static Expression<Func<T1, T2, TResult>> Expand<T1, T2, TResult>(Expression<Func<T1, T2, TResult>> expression) => Inline(expression);

    /// <summary>For a compiled query (context, three parameters, cancellation token): expanded once, when it is compiled.</summary>
    public static Expression<Func<T1, T2, T3, T4, T5, TResult>> Expand<T1, T2, T3, T4, T5, TResult>(Expression<Func<T1, T2, T3, T4, T5, TResult>> expression) =>
        Inline(expression);

    private static Expression<TDelegate> Inline<TDelegate>(Expression<TDelegate> expression) => (Expression<TDelegate>)new Inliner().Visit(expression);

    private sealed class Inliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (!node.Method.IsGenericMethod || node.Method.GetGenericMethodDefinition() != InvokeMethod)
            {
                return base.VisitMethodCall(node);
            }

            var rule = (LambdaExpression)ValueOf(node.Arguments[0]);
            var arguments = node.Arguments.Skip(1).Select(Visit).ToList();
            var body = new Substitution(rule.Parameters.Zip(arguments).ToDictionary(p => p.First, p => p.Second!)).Visit(rule.Body);

            // A rule may name another rule.
            return Visit(body);
        }

        /// <summary>The rule itself: a static field, or a captured variable (a field of a closure constant).</summary>
        private static object ValueOf(Expression expression) => expression switch
        {
            ConstantExpression constant => constant.Value!,
            MemberExpression { Member: FieldInfo field } member => field.GetValue(member.Expression is null ? null : ValueOf(member.Expression))!,
            MemberExpression { Member: PropertyInfo property } member => property.GetValue(member.Expression is null ? null : ValueOf(member.Expression))!,
            _ => throw new NotSupportedException($"A rule must be a field, property or captured variable, not '{expression}'."),
        };
    }

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> arguments) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => arguments.GetValueOrDefault(node, node);
    }
}
