using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using TicketMaster.GraphQL.Authorization;

namespace TicketMaster.GraphQL.Mutations;

/// <summary>
/// The one way to write a mutation, after Hot Chocolate's mutation conventions:
/// <code>
/// mutation.Mutation&lt;ReserveSeatsInput, Hold&gt;("reserveSeats")
///     .Description("…")
///     .Authorize()                                        // or AuthorizeWithPolicy(…), AllowAnonymous()
///     .Returns&lt;ReservationType&gt;("reservation", "…")
///     .Errors(typeof(SeatsUnavailableException), …)
///     .Resolve((input, ctx) => ctx.Service&lt;ReserveSeats&gt;().ExecuteAsync(…));
/// </code>
/// gives <c>reserveSeats(input: ReserveSeatsInput!): ReserveSeatsPayload!</c>, the input type
/// derived from the <typeparamref name="TInput"/> record, <c>ReserveSeatsPayload { reservation
/// errors }</c> and <c>union ReserveSeatsError</c> of one type per declared exception. A declared
/// exception thrown by the resolver becomes a payload error; anything else stays a field error.
/// </summary>
public static class MutationConventions
{
    /// <summary>Metadata key holding the exception types a mutation declares.</summary>
    public const string ErrorsKey = "TicketMaster.MutationErrors";

    public static MutationField<TInput, TResult> Mutation<TInput, TResult>(this ObjectGraphType root, string name)
        where TInput : class => new(root, name);

    /// <summary>Every exception type declared by the root's mutations, for the schema to register one error type each.</summary>
    public static IEnumerable<Type> DeclaredErrors(this IComplexGraphType root) =>
        root.Fields.SelectMany(field => field.GetMetadata<Type[]>(ErrorsKey) ?? []).Distinct();
}

/// <summary>A mutation being declared; see <see cref="MutationConventions"/>.</summary>
public sealed class MutationField<TInput, TResult>
    where TInput : class
{
    private readonly FieldType _field;
    private readonly PayloadType<TResult> _payload;
    private readonly UnionGraphType _errors;
    private readonly List<Type> _declared = [];

    internal MutationField(ObjectGraphType root, string name)
    {
        var pascal = char.ToUpperInvariant(name[0]) + name[1..];
        var input = new AutoRegisteringInputObjectGraphType<TInput>();
        if (input.Name != pascal + "Input")
        {
            throw new InvalidOperationException($"The input of {name} must be a record named {pascal}Input, not {typeof(TInput).Name}.");
        }

        _errors = new UnionGraphType { Name = pascal + "Error", Description = $"The failures `{name}` reports in its payload's `errors`." };
        _payload = new PayloadType<TResult>(pascal + "Payload") { Description = $"What `{name}` returns: its result, or `errors` saying why nothing changed." };
        _payload.AddField(new FieldType
        {
            Name = "errors",
            Description = "Why the mutation changed nothing; null when it succeeded.",
            ResolvedType = new ListGraphType(new NonNullGraphType(_errors)),
            Resolver = new FuncFieldResolver<Payload, IReadOnlyList<Exception>?>(ctx => ctx.Source.Errors),
        });

        _field = new FieldType
        {
            Name = name,
            ResolvedType = new NonNullGraphType(_payload),
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(input)) { Name = "input", Description = $"Parameters for `{name}`." }),
        };
        _field.WithMetadata(AuthorizeFieldsVisitor.ChecksItself, true);
        root.AddField(_field);
    }

    public MutationField<TInput, TResult> Description(string description)
    {
        _field.Description = description;
        return this;
    }

    /// <summary>Any signed-in caller.</summary>
    public MutationField<TInput, TResult> Authorize()
    {
        _field.Authorize();
        return this;
    }

    /// <summary>Only callers the named ASP.NET Core policy admits, given the typed input as its resource.</summary>
    public MutationField<TInput, TResult> AuthorizeWithPolicy(string policy)
    {
        _field.AuthorizeWithPolicy(policy);
        return Errors(typeof(NotAuthorizedException));
    }

    /// <summary>Anyone, signed in or not: a deliberate declaration, checked by the schema's policy test.</summary>
    public MutationField<TInput, TResult> AllowAnonymous()
    {
        _field.AllowAnonymous();
        return this;
    }

    /// <summary>
    /// At most one of these root fields per request (<see cref="Validation.OncePerRequest"/>): for
    /// mutations whose cost is the point, like password checks, which aliases would multiply.
    /// </summary>
    public MutationField<TInput, TResult> OncePerRequest()
    {
        _field.WithMetadata(Validation.OncePerRequest.MetadataKey, true);
        return this;
    }

    /// <summary>The payload's one result field.</summary>
    public MutationField<TInput, TResult> Returns<TGraphType>(string name, string description)
        where TGraphType : IGraphType => Returns(payload => payload.Field<TGraphType>(name, result => result, description));

    /// <summary>Several result fields, computed from the result.</summary>
    public MutationField<TInput, TResult> Returns(Action<PayloadType<TResult>> fields)
    {
        fields(_payload);
        return this;
    }

    /// <summary>The exceptions the use case may throw that the client should handle: each becomes an error type in the union.</summary>
    public MutationField<TInput, TResult> Errors(params Type[] exceptionTypes)
    {
        foreach (var type in exceptionTypes.Where(t => !_declared.Contains(t)))
        {
            if (!typeof(Exception).IsAssignableFrom(type))
            {
                throw new ArgumentException($"{type.Name} is not an exception.", nameof(exceptionTypes));
            }

            _declared.Add(type);
            _errors.AddPossibleType(new GraphQLTypeReference(ExceptionErrorType.NameOf(type)));
        }

        _field.WithMetadata(MutationConventions.ErrorsKey, _declared.ToArray());
        return this;
    }

    public void Resolve(Func<TInput, MutationContext, Task<TResult>> resolve)
    {
        _field.Resolver = new FuncFieldResolver<object>(async context =>
        {
            var input = context.GetArgument<TInput>("input");
            if (await FieldAuthorization.CheckAsync(_field, context, input) is { } denied)
            {
                return denied is NotAuthorizedException notAuthorized && _declared.Contains(typeof(NotAuthorizedException))
                    ? Payload.Fail(notAuthorized)
                    : throw denied;
            }

            try
            {
                return Payload.Ok(await resolve(input, new MutationContext(context)));
            }
            catch (Exception error) when (_declared.Any(type => type.IsInstanceOfType(error)))
            {
                return Payload.Fail(error);
            }
        });
    }
}

/// <summary>What a mutation's resolver may use besides its input.</summary>
public sealed class MutationContext(IResolveFieldContext context)
{
    public CancellationToken CancellationToken => context.CancellationToken;

    public System.Security.Claims.ClaimsPrincipal User => context.User ?? new();

    /// <summary>
    /// A service of the request, or a use case built for it: use cases need no registration, so a
    /// new mutation touches only its use case and its declaration.
    /// </summary>
    public T Service<T>()
        where T : notnull => ActivatorUtilities.GetServiceOrCreateInstance<T>(context.RequestServices!);
}
