using GraphQL;

namespace TicketMaster.GraphQL.Filtering;

/// <summary>A <c>where</c> or <c>order</c> argument that cannot be applied.</summary>
public sealed class FilterError : ExecutionError
{
    public FilterError(string message)
        : base(message)
    {
        Code = "INVALID_FILTER";
    }
}
