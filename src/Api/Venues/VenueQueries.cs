using TicketMaster.GraphQL.Caching;
using GraphQL;
using GraphQL.Types;
using TicketMaster.Persistence;
using TicketMaster.GraphQL.Paging;
using TicketMaster.GraphQL.Relay;
using TicketMaster.GraphQL.Sorting;
using TicketMaster.Venues;

namespace TicketMaster.Api.Venues;

public static class VenueQueries
{
    public static void AddVenueQueries(this ObjectGraphType query)
    {
        query.AddConnection<TicketMasterDbContext, object?, Venue, VenueType, VenueFilterInputType, VenueSortInputType>(
            "venues", "Venues, by name unless `order` says otherwise.", (db, _) => db.Venues, v => v.Id,
            new Dictionary<string, object?> { ["name"] = SortDirection.Asc })
            .AllowAnonymous()
            .CacheControl(CacheMaxAge.Catalogue);
        query.Field<VenueType>("venueById")
            .Description("The venue with this id, or null when there is none.")
            .AllowAnonymous()
            .CacheControl(CacheMaxAge.Catalogue)
            .IdArgument("id", VenueType.TypeName, "The venue's global id, from `Venue.id`.")
            .Resolve(ctx => ctx.Loaders<VenueDataLoaders>().VenueById.Load(ctx.GetArgument<int>("id")));
        query.Field<StringGraphType>("exportSeatMap")
            .Description("The venue's current seat map as a seat-map file (JSON text, every seat explicit; docs/seat-map-format.md), for `importSeatMap`; null when there is no such venue. Seat maps are public, like `Venue.seatMap`.")
            .AllowAnonymous()
            .CacheControl(CacheMaxAge.Catalogue)
            .IdArgument("venueId", VenueType.TypeName, "The venue's global id.")
            .ResolveAsync(async ctx => await ActivatorUtilities.CreateInstance<ExportSeatMap>(ctx.RequestServices!).ExecuteAsync(ctx.GetArgument<int>("venueId"), ctx.CancellationToken));
    }
}
