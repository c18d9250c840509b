using System.Collections;
using System.Reflection;
using GraphQL;
using GraphQL.Types;

namespace TicketMaster.GraphQL.Relay;

/// <summary>
/// Hot Chocolate's <c>[ID("Seat")]</c> on an input property that holds a key (<c>int</c> or
/// <c>Guid</c>) or a list of keys: the field is an <c>ID</c> in the schema, and the global id a
/// client sends is decoded to the key while the request is validated, before any resolver runs.
/// A malformed id, or one of another type, fails the request with <c>INVALID_ID</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class IdAttribute(string typeName) : GraphQLAttribute
{
    public string TypeName { get; } = typeName;

    public override void Modify(FieldType fieldType, bool isInputType, IGraphType graphType, MemberInfo memberInfo, ref bool ignore)
    {
        var clrType = ((PropertyInfo)memberInfo).PropertyType;
        var nullable = Nullable.GetUnderlyingType(clrType) is not null || new NullabilityInfoContext().Create((PropertyInfo)memberInfo).ReadState == NullabilityState.Nullable;
        var element = clrType != typeof(string) && clrType.GetInterfaces().Append(clrType).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } enumerable
            ? enumerable.GetGenericArguments()[0]
            : null;
        var id = element is null ? typeof(IdGraphType) : typeof(ListGraphType<NonNullGraphType<IdGraphType>>);
        fieldType.Type = nullable ? id : typeof(NonNullGraphType<>).MakeGenericType(id);
        if (isInputType)
        {
            var key = Nullable.GetUnderlyingType(element ?? clrType) ?? element ?? clrType;
            fieldType.Parser = value => Decode(value, key);
        }
    }

    private object Decode(object value, Type key) => value switch
    {
        string id when key == typeof(Guid) => GlobalId.DecodeGuid(id, TypeName),
        string id => GlobalId.DecodeInt(id, TypeName),
        IEnumerable ids => ids.Cast<object>().Select(id => Decode(id, key)).ToList(),
        _ => throw new InvalidIdError(value.ToString(), TypeName),
    };
}
