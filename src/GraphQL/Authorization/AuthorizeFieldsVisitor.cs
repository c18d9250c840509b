using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;

namespace TicketMaster.GraphQL.Authorization;

/// <summary>
/// Wraps the resolver of every field that declares a policy with the check, once when the schema
/// is built; fields open to anyone keep their resolver untouched and cost nothing. Mutations built
/// by the mutation convention check themselves (their resource is the typed input).
/// </summary>
public sealed class AuthorizeFieldsVisitor : BaseSchemaNodeVisitor
{
    /// <summary>Metadata key of fields that run <see cref="FieldAuthorization.CheckAsync"/> themselves.</summary>
    public const string ChecksItself = "TicketMaster.ChecksAuthorizationItself";

    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        if (!field.IsAuthorizationRequired() || field.GetMetadata(ChecksItself, false))
        {
            return;
        }

        if (field.StreamResolver is { } stream)
        {
            field.StreamResolver = new AuthorizingStreamResolver(field, stream);
            return;
        }

        field.Resolver = new AuthorizingResolver(field, field.Resolver ?? NameFieldResolver.Instance);
    }

    private sealed class AuthorizingResolver(FieldType field, IFieldResolver inner) : IFieldResolver
    {
        public async ValueTask<object?> ResolveAsync(IResolveFieldContext context) =>
            await FieldAuthorization.CheckAsync(field, context, context.Source) is { } denied ? throw denied : await inner.ResolveAsync(context);
    }

    private sealed class AuthorizingStreamResolver(FieldType field, ISourceStreamResolver inner) : ISourceStreamResolver
    {
        public async ValueTask<IObservable<object?>> ResolveAsync(IResolveFieldContext context) =>
            await FieldAuthorization.CheckAsync(field, context, context.Source) is { } denied ? throw denied : await inner.ResolveAsync(context);
    }
}
