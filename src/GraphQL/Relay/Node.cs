using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace TicketMaster.GraphQL.Relay;

/// <summary><c>interface Node { id: ID! }</c>: every object a client can refetch by id alone.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public const string IdDescription = "The object's global id: opaque (never parse it), stable, and enough to refetch the object with `node(id:)`.";

    public NodeInterface()
    {
        Name = "Node";
        Description = "The node interface is implemented by entities that have a global unique identifier.";
        Field<NonNullGraphType<IdGraphType>>("id").Description(IdDescription);
    }

}

/// <summary>How <c>node(id:)</c> loads one type of node from its key.</summary>
public sealed record NodeResolver(string TypeName, Func<IResolveFieldContext, string, IDataLoaderResult> Load);

public static class NodeExtensions
{
    /// <summary>Makes the type a Node with a global <c>id</c> built from <paramref name="key"/>.</summary>
    public static void ImplementsNode<T>(this ObjectGraphType<T> type, string typeName, Func<T, int> key) =>
        type.ImplementsNode(value => GlobalId.Encode(typeName, key(value)));

    public static void ImplementsNode<T>(this ObjectGraphType<T> type, string typeName, Func<T, Guid> key) =>
        type.ImplementsNode(value => GlobalId.Encode(typeName, key(value)));

    private static void ImplementsNode<T>(this ObjectGraphType<T> type, Func<T, string> globalId)
    {
        type.Interface<NodeInterface>();
        type.IsTypeOf = value => value is T;
        type.Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => globalId(ctx.Source));
    }

    /// <summary>The request's instance of a feature's DataLoaders.</summary>
    public static TLoaders Loaders<TLoaders>(this IResolveFieldContext context)
        where TLoaders : notnull => context.RequestServices!.GetRequiredService<TLoaders>();

    public static IServiceCollection AddNodeResolver(this IServiceCollection services, string typeName, Func<IResolveFieldContext, int, IDataLoaderResult> load) =>
        services.AddSingleton(new NodeResolver(typeName, (context, id) => load(context, GlobalId.DecodeInt(id, typeName))));

    public static IServiceCollection AddNodeResolver(this IServiceCollection services, string typeName, Func<IResolveFieldContext, Guid, IDataLoaderResult> load) =>
        services.AddSingleton(new NodeResolver(typeName, (context, id) => load(context, GlobalId.DecodeGuid(id, typeName))));
}

public static class NodeQueries
{
    public static void AddNodeQueries(this ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Description("Fetches an object given its ID.")
            .AllowAnonymous()
            .Argument<NonNullGraphType<IdGraphType>>("id", "ID of the object.")
            .Resolve(ctx => Load(ctx, ctx.GetArgument<string>("id")));

        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description("Lookup nodes by a list of IDs.")
            .AllowAnonymous()
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "The list of node IDs.")
            .Resolve(ctx =>
            {
                var ids = ctx.GetArgument<List<string>>("ids");
                if (ids.Count > 50)
                {
                    throw new ExecutionError("Ask for at most 50 nodes at once.") { Code = "TOO_MANY_NODES" };
                }

                return DataLoading.DataLoaderResults.All(ids.Select(id => Load(ctx, id)).ToList());
            });
    }

    private static IDataLoaderResult Load(IResolveFieldContext context, string id)
    {
        if (!GlobalId.TryDecode(id, out var typeName, out _))
        {
            throw new InvalidIdError(id, "node");
        }

        var resolver = context.RequestServices!.GetServices<NodeResolver>().FirstOrDefault(r => r.TypeName == typeName)
            ?? throw new InvalidIdError(id, "node");
        return resolver.Load(context, id);
    }
}
