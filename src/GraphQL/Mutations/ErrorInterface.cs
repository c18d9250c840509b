using GraphQL.Types;

namespace TicketMaster.GraphQL.Mutations;

/// <summary><c>interface Error { message code }</c>, implemented by every failure a mutation's payload can carry.</summary>
public sealed class ErrorInterface : InterfaceGraphType
{
    public const string TypeName = "Error";

    public ErrorInterface()
    {
        Name = TypeName;
        Description = "A failure a mutation expected and reported in its payload's `errors`; nothing was changed. Switch on `__typename` (or `code`) and read the type's own fields for the details.";
        Field<NonNullGraphType<StringGraphType>>("message").Description("What went wrong and what to do about it, in a sentence you can show.");
        Field<NonNullGraphType<StringGraphType>>("code").Description("The same failure as a stable code, e.g. `SEATS_UNAVAILABLE`: the type name in upper snake case, without `Error`.");
    }
}
