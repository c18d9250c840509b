using GraphQL.Types;

namespace TicketMaster.Api.GraphQL.Mutations;

/// <summary>
/// An expected failure of a mutation, returned in the payload's <c>errors</c> (Hot Chocolate's
/// mutation conventions) rather than as a GraphQL error, so clients can switch on its type.
/// </summary>
public abstract record UserError(string Message);

/// <summary>The result of a mutation: either the result, or the expected failures.</summary>
public sealed record Payload<T>(T? Result, IReadOnlyList<UserError>? Errors)
    where T : class
{
    public static Payload<T> Ok(T result) => new(result, null);

    public static Payload<T> Fail(params UserError[] errors) => new(null, errors);
}

/// <summary><c>interface Error { message: String! }</c>, implemented by every expected failure.</summary>
public sealed class ErrorInterface : InterfaceGraphType
{
    public ErrorInterface()
    {
        Name = "Error";
        Field<NonNullGraphType<StringGraphType>>("message");
    }
}

/// <summary>A GraphQL object type for one kind of <see cref="UserError"/>, named after it.</summary>
public abstract class ErrorType<TError> : ObjectGraphType<TError>
    where TError : UserError
{
    protected ErrorType(string description)
    {
        Name = typeof(TError).Name;
        Description = description;
        Interface<ErrorInterface>();
        IsTypeOf = value => value is TError;
        Field(e => e.Message);
    }
}
