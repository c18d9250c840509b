using TicketMaster.GraphQL.Caching;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;
using TicketMaster.GraphQL.DataLoading;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Users;

namespace TicketMaster.Api.Users;

public static class UserQueries
{
    public static void AddUserQueries(this ObjectGraphType query)
    {
        query.Field<UserType>("me")
            .Description("The signed-in user, or null without a valid access token.")
            .AllowAnonymous()
            .CacheControl(scope: CacheControlScope.Private)
            .Resolve(ctx => Caller.UserIdOf(ctx.User) is { } id ? ctx.Loaders<UserDataLoaders>().UserById.Load(id) : null);
    }

    /// <summary><c>node(id:)</c> for users: only your own account, or any account for an admin.</summary>
    public static IDataLoaderResult LoadVisibleUser(IResolveFieldContext context, int id)
    {
        var caller = Caller.UserIdOf(context.User);
        var isAdmin = context.User?.IsAdmin() == true;
        return caller == id || isAdmin
            ? context.Loaders<UserDataLoaders>().UserById.Load(id)
            : context.Loaders<UserDataLoaders>().UserById.Load(0);
    }
}

public sealed class UserDataLoaders(DbBatch<TicketMasterDbContext> batch)
{
    public BatchLoader<int, User> UserById { get; } = batch.One<int, User>((db, ids, ct) =>
        db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct));
}
