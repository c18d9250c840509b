using GraphQL;
using GraphQL.Types;

namespace TicketMaster.GraphQL.Mutations;

/// <summary>What a mutation's payload carries: its result, or the expected failures (exceptions) instead.</summary>
public sealed record Payload(object? Result, IReadOnlyList<Exception>? Errors)
{
    public static Payload Ok(object? result) => new(result, null);

    public static Payload Fail(Exception error) => new(null, [error]);
}

/// <summary>
/// <c>type XPayload { …result fields… errors: [XError!] }</c>. A failed mutation returns null in
/// every result field and its failures in <c>errors</c>; a successful one, <c>errors: null</c>.
/// </summary>
[DoNotRegister]
public sealed class PayloadType<TResult> : ObjectGraphType<Payload>
{
    public PayloadType(string name) => Name = name;

    /// <summary>A field of the payload computed from the result; null when the mutation failed.</summary>
    public PayloadType<TResult> Field<TGraphType>(string name, Func<TResult, object?> select, string description)
        where TGraphType : IGraphType
    {
        Field<TGraphType>(name).Description(description).Resolve(ctx => ctx.Source.Result is TResult result ? select(result) : null);
        return this;
    }
}
