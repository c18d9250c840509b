using TicketMaster.GraphQL.Caching;
using GraphQL;
using GraphQL.Types;
using TicketMaster.Persistence;
using TicketMaster.GraphQL.Paging;
using TicketMaster.GraphQL.Relay;
using TicketMaster.GraphQL.Sorting;
using TicketMaster.Performers;

namespace TicketMaster.Api.Performers;

public static class PerformerQueries
{
    public static void AddPerformerQueries(this ObjectGraphType query)
    {
        query.AddConnection<TicketMasterDbContext, object?, Performer, PerformerType, PerformerFilterInputType, PerformerSortInputType>(
            "performers", "Performers, by name unless `order` says otherwise.", (db, _) => db.Performers, p => p.Id,
            new Dictionary<string, object?> { ["name"] = SortDirection.Asc })
            .AllowAnonymous()
            .CacheControl(CacheMaxAge.Catalogue);
        query.Field<PerformerType>("performerById")
            .Description("The performer with this id, or null when there is none.")
            .AllowAnonymous()
            .CacheControl(CacheMaxAge.Catalogue)
            .IdArgument("id", PerformerType.TypeName, "The performer's global id, from `Performer.id`.")
            .Resolve(ctx => ctx.Loaders<PerformerDataLoaders>().PerformerById.Load(ctx.GetArgument<int>("id")));
    }
}
