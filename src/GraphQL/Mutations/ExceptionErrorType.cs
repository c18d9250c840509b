using System.Collections;
using System.ComponentModel;
using System.Reflection;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Resolvers;
using GraphQL.Types;
using TicketMaster.GraphQL.Relay;

namespace TicketMaster.GraphQL.Mutations;

/// <summary>
/// The GraphQL error type of one exception class, derived from it as Hot Chocolate's
/// <c>[Error&lt;TException&gt;]</c> does: <c>SeatsUnavailableException</c> becomes
/// <c>type SeatsUnavailableError implements Error</c> with <c>message</c>, <c>code</c>
/// (<c>SEATS_UNAVAILABLE</c>) and one field per public property the exception declares.
/// </summary>
/// <remarks>
/// The class's <see cref="DescriptionAttribute"/> is the type's description, and each property's
/// the field's; both are required, so an undescribed error fails at startup, not in a review.
/// A property named <c>XId</c> or <c>XIds</c> where X is a node type is exposed as that node's
/// global id(s), so no database key ever reaches a client.
/// Built by <see cref="MutationConventions"/>, not by DI (its constructor takes a type).
/// </remarks>
[DoNotRegister]
public sealed class ExceptionErrorType : ObjectGraphType<object>
{
    public ExceptionErrorType(Type exceptionType, IReadOnlySet<string> nodeTypes)
    {
        ExceptionType = exceptionType;
        Name = NameOf(exceptionType);
        Description = exceptionType.GetCustomAttribute<DescriptionAttribute>()?.Description
            ?? throw new InvalidOperationException($"{exceptionType.Name} needs a [Description]: it is the {Name} type's description in the schema.");
        Interface<ErrorInterface>();
        IsTypeOf = exceptionType.IsInstanceOfType;

        var code = ErrorInfoProvider.GetErrorCode(exceptionType);
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(ctx => ((Exception)ctx.Source).Message);
        // An ExecutionError (NotAuthorizedException) carries the code it has as a field error too.
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(ctx => (ctx.Source as ExecutionError)?.Code ?? code);
        foreach (var property in DeclaredProperties(exceptionType))
        {
            AddField(FieldFor(property, nodeTypes));
        }
    }

    public Type ExceptionType { get; }

    /// <summary><c>SeatsUnavailableException</c> → <c>SeatsUnavailableError</c>.</summary>
    public static string NameOf(Type exceptionType) =>
        (exceptionType.Name.EndsWith("Exception", StringComparison.Ordinal) ? exceptionType.Name[..^"Exception".Length] : exceptionType.Name) + "Error";

    /// <summary>The properties an exception adds to <see cref="Exception"/>: what its message mentions.</summary>
    private static IEnumerable<PropertyInfo> DeclaredProperties(Type exceptionType) =>
        exceptionType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType!.Assembly != typeof(Exception).Assembly && p.DeclaringType.Assembly != typeof(ExecutionError).Assembly)
            .Where(p => !typeof(Exception).IsAssignableFrom(p.PropertyType))
            .OrderBy(p => p.MetadataToken);

    private static FieldType FieldFor(PropertyInfo property, IReadOnlySet<string> nodeTypes)
    {
        var description = property.GetCustomAttribute<DescriptionAttribute>()?.Description
            ?? throw new InvalidOperationException($"{property.DeclaringType!.Name}.{property.Name} needs a [Description]: it is a field of the {NameOf(property.DeclaringType)} type.");
        var field = new FieldType
        {
            Name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..],
            Description = description,
            Resolver = new FuncFieldResolver<object?>(ctx => property.GetValue(ctx.Source)),
        };

        if (NodeTypeOf(property, nodeTypes) is { } nodeType)
        {
            var many = property.PropertyType != typeof(int) && property.PropertyType != typeof(Guid);
            field.Type = many ? typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>) : typeof(NonNullGraphType<IdGraphType>);
            field.Resolver = new FuncFieldResolver<object?>(ctx => EncodeIds(nodeType, property.GetValue(ctx.Source)));
            return field;
        }

        var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null
            || new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable;
        field.Type = property.PropertyType.GetGraphTypeFromType(nullable, TypeMappingMode.OutputType);
        return field;
    }

    /// <summary>The node type a property's ids belong to, by name: <c>SeatIds</c> → <c>Seat</c>.</summary>
    private static string? NodeTypeOf(PropertyInfo property, IReadOnlySet<string> nodeTypes)
    {
        var name = property.Name;
        var prefix = name.EndsWith("Ids", StringComparison.Ordinal) ? name[..^3] : name.EndsWith("Id", StringComparison.Ordinal) ? name[..^2] : null;
        return prefix is not null && nodeTypes.Contains(prefix) ? prefix : null;
    }

    private static object? EncodeIds(string nodeType, object? value) => value switch
    {
        int key => GlobalId.Encode(nodeType, key),
        Guid key => GlobalId.Encode(nodeType, key),
        IEnumerable keys => keys.Cast<object>().Select(key => EncodeIds(nodeType, key)).ToList(),
        _ => null,
    };
}
