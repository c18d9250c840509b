using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace TicketMaster.GraphQL.Relay;

/// <summary>
/// <see cref="IdAttribute"/> for field arguments: the argument is an <c>ID</c>, and the global id
/// a client sends is decoded to the node's int key while the request is validated, so a resolver
/// reads <c>GetArgument&lt;int&gt;</c> and a malformed or foreign id never reaches it (<c>INVALID_ID</c>).
/// </summary>
public static class IdArguments
{
    public static FieldBuilder<TSource, TReturn> IdArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string name, string typeName, string description) =>
        field.Argument<NonNullGraphType<IdGraphType>>(name, description, argument => argument.ParseValue(value => GlobalId.DecodeInt(value as string, typeName)));

    /// <summary>A non-empty list of ids, decoded to a <c>List&lt;int&gt;</c> of keys.</summary>
    public static FieldBuilder<TSource, TReturn> IdsArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string name, string typeName, string description) =>
        field.Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>(name, description, argument => argument.ParseValue(value =>
            ((IEnumerable<object?>)value).Select(id => (object)GlobalId.DecodeInt(id as string, typeName)).ToList()));
}
