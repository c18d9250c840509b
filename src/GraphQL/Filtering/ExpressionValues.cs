using System.Linq.Expressions;

namespace TicketMaster.GraphQL.Filtering;

/// <summary>Expression helpers shared by filtering and sorting.</summary>
internal static class ExpressionValues
{
    /// <summary>
    /// A value as a member of a constant object, the shape a C# closure has, so EF sends it as a
    /// SQL parameter (one cached plan per query shape) instead of inlining a literal.
    /// </summary>
    public static Expression Parameter(object? value, Type type) =>
        Expression.Property(Expression.Constant(Activator.CreateInstance(typeof(Box<>).MakeGenericType(type), value)), "Value");

    /// <summary>The body of <paramref name="member"/> with its parameter replaced by <paramref name="instance"/>.</summary>
    public static Expression Rebind(LambdaExpression member, Expression instance) =>
        new Replacer(member.Parameters[0], instance).Visit(member.Body);

    private sealed class Box<T>(T value)
    {
        public T Value { get; } = value;
    }

    private sealed class Replacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
