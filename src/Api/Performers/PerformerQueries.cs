using GraphQL;
using GraphQL.Types;
using TicketMaster.Api.GraphQL.Paging;
using TicketMaster.Api.GraphQL.Relay;
using TicketMaster.Api.GraphQL.Sorting;
using TicketMaster.Performers;

namespace TicketMaster.Api.Performers;

public static class PerformerQueries
{
    public static void AddPerformerQueries(this ObjectGraphType query)
    {
        query.AddConnection<object?, Performer, PerformerType, PerformerFilterInputType, PerformerSortInputType>(
            "performers", "Performers, by name unless `order` says otherwise.", (db, _) => db.Performers, p => p.Id,
            new Dictionary<string, object?> { ["name"] = SortDirection.Asc })
            .AllowAnonymous();
        query.Field<PerformerType>("performerById")
            .Description("The performer with this id, or null when there is none.")
            .AllowAnonymous()
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(ctx => ctx.Loaders<PerformerDataLoaders>().PerformerById.Load(GlobalId.DecodeInt(ctx.GetArgument<string>("id"), PerformerType.TypeName)));
    }
}
