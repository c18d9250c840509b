using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.GraphQL.Relay;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Performers;

public static class PerformerQueries
{
    public static void AddPerformerQueries(this ObjectGraphType query)
    {
        query.Field<PerformerType>("performerById")
            .Description("The performer with this id, or null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                var id = GlobalId.DecodeInt(ctx.GetArgument<string>("id"), PerformerType.TypeName);
                await using var db = await ctx.RequestServices!.GetRequiredService<IDbContextFactory<TicketMasterDbContext>>().CreateDbContextAsync(ctx.CancellationToken);
                return await db.Performers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ctx.CancellationToken);
            });
    }
}
