using GraphQL.Types;

namespace TicketMaster.Api.GraphQL;

/// <summary>The one schema. Features contribute root fields to <see cref="QueryType"/>.</summary>
public sealed class TicketMasterSchema : Schema
{
    public TicketMasterSchema(IServiceProvider services, QueryType query)
        : base(services)
    {
        Query = query;
    }
}
