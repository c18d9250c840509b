using GraphQL.Types;
using TicketMaster.Api.Performers;

namespace TicketMaster.Api.GraphQL;

/// <summary>The root query type; each feature adds its fields in its own <c>*Queries</c> file.</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        this.AddPerformerQueries();
    }
}
