using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;
using TicketMaster.GraphQL.Caching;
using TicketMaster.GraphQL.PersistedOperations;
using TicketMaster.GraphQL.Transport.ServerSentEvents;
using TicketMaster.GraphQL.Transport.WebSockets;

namespace TicketMaster.GraphQL.Transport;

/// <summary>
/// <c>/graphql</c> as the GraphQL-over-HTTP spec describes it: POST with a JSON body, GET for
/// queries, <c>GET ?sdl</c> for the schema, and the status code the negotiated media type calls for.
/// </summary>
public static class GraphQLEndpoint
{
    public const string Path = "/graphql";

    /// <summary>
    /// Maps the exact path only (every method, so others get a proper 405): <c>/graphql/…</c> stays
    /// free for the IDE's static files.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.Map(Path, context => context.RequestServices.GetRequiredService<GraphQLHttpHandler>().HandleAsync(context))
            .WithDisplayName("GraphQL over HTTP");

    public static IServiceCollection AddGraphQLHttpTransport(this IServiceCollection services)
    {
        services.AddOptions<GraphQLHttpOptions>().BindConfiguration(GraphQLHttpOptions.SectionName);
        services.AddSingleton<GraphQLRequestReader>();
        services.AddSingleton<GraphQLExecution>();
        services.AddOptions<GraphQLWebSocketOptions>().BindConfiguration(GraphQLWebSocketOptions.SectionName);
        services.AddSingleton<WebSocketAuthentication>();
        services.AddOptions<SubscriptionLimitOptions>().BindConfiguration(SubscriptionLimitOptions.SectionName);
        services.AddSingleton<SubscriptionLimits>();
        services.AddSingleton<GraphQLWebSocketEndpoint>();
        services.AddSingleton<GraphQLServerSentEvents>();
        services.AddPersistedOperations();
        services.AddSingleton<GraphQLHttpHandler>();
        return services;
    }
}

/// <summary>Handles one request to <see cref="GraphQLEndpoint.Path"/>.</summary>
public sealed partial class GraphQLHttpHandler(
    GraphQLExecution execution,
    IGraphQLTextSerializer serializer,
    GraphQLRequestReader reader,
    GraphQLWebSocketEndpoint webSockets,
    GraphQLServerSentEvents serverSentEvents,
    PersistedOperationRequests persisted,
    ISchema schema,
    IOptionsMonitor<GraphQLHttpOptions> options,
    ILogger<GraphQLHttpHandler> logger)
{
    private readonly Lazy<string> _sdl = new(() => SchemaSdl.Print(schema));

    public async Task HandleAsync(HttpContext http)
    {
        try
        {
            await HandleCoreAsync(http);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            var correlationId = InternalServerError.NewCorrelationId();
            LogUnhandled(logger, e, correlationId);
            await WriteResultAsync(http, GraphQLMediaTypes.Json, StatusCodes.Status500InternalServerError, new ExecutionResult(new InternalServerError(correlationId, e)));
        }
    }

    private async Task HandleCoreAsync(HttpContext http)
    {
        if (http.WebSockets.IsWebSocketRequest)
        {
            await webSockets.HandleAsync(http);
            return;
        }

        var request = http.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteProblemAsync(http, GraphQLMediaTypes.Json, new GraphQLRequestProblem(
                StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", $"{request.Method} is not supported; use POST, or GET for queries."));
            return;
        }

        if (isGet && request.Query.ContainsKey("sdl") && options.CurrentValue.Introspection)
        {
            http.Response.ContentType = $"{GraphQLMediaTypes.GraphQL}; charset=utf-8";
            await http.Response.WriteAsync(_sdl.Value, http.RequestAborted);
            return;
        }

        // The answer depends on Accept, so caches must key on it.
        http.Response.Headers.Vary = "Accept";
        if (GraphQLServerSentEvents.IsAccepted(request.Headers.Accept))
        {
            if (await serverSentEvents.HandleAsync(http, isGet) is { } streamProblem)
            {
                await WriteProblemAsync(http, GraphQLMediaTypes.Json, streamProblem);
            }

            return;
        }

        var mediaType = GraphQLMediaTypes.Negotiate(request.Headers.Accept);
        if (mediaType is null)
        {
            await WriteProblemAsync(http, GraphQLMediaTypes.Json, new GraphQLRequestProblem(
                StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE",
                $"Accept must allow {GraphQLMediaTypes.GraphQLResponseJson} or {GraphQLMediaTypes.Json}."));
            return;
        }

        var (graphQLRequest, problem) = isGet
            ? reader.ReadGet(request.Query, allowPersisted: true)
            : await reader.ReadPostAsync(request, options.CurrentValue.MaxRequestBytes, http.RequestAborted, allowPersisted: true);
        if (problem is not null)
        {
            await WriteProblemAsync(http, mediaType, problem);
            return;
        }

        (graphQLRequest, var persistedError, var register) = await persisted.ResolveAsync(graphQLRequest!, http.RequestAborted);
        if (persistedError is not null)
        {
            await WriteResultAsync(http, mediaType, RequestErrorStatus(mediaType), new ExecutionResult(persistedError));
            return;
        }

        // Parsed here, not by the executer, because a GET must be refused for a mutation before
        // validation runs (a schema without a mutation root would otherwise turn it into a 400).
        var (document, parseError) = execution.Parse(graphQLRequest!.Query!);
        if (parseError is not null)
        {
            await WriteResultAsync(http, mediaType, RequestErrorStatus(mediaType), parseError);
            return;
        }

        var operation = GraphQLExecution.FindOperation(document!, graphQLRequest.OperationName);
        GraphQLTelemetry.Operation(operation);
        if (isGet && operation is { Operation: not OperationType.Query })
        {
            http.Response.Headers.Allow = "POST";
            await WriteProblemAsync(http, mediaType, new GraphQLRequestProblem(
                StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED",
                $"A {operation.Operation.ToString().ToLowerInvariant()} cannot be sent with GET; send it with POST."));
            return;
        }

        if (operation is { Operation: OperationType.Subscription })
        {
            await WriteProblemAsync(http, mediaType, GraphQLRequestProblem.InvalidRequest(
                "Subscriptions are not served as a single response; open a WebSocket to /graphql (graphql-transport-ws) or send Accept: text/event-stream."));
            return;
        }

        if (operation is { Operation: OperationType.Mutation }
            && http.RequestServices.GetService<IMutationAdmission>()?.Admit(http) is { } refused)
        {
            await WriteProblemAsync(http, mediaType, refused);
            return;
        }

        var result = await execution.ExecuteAsync(graphQLRequest, document!, http.User, http.RequestServices, http.RequestAborted);
        GraphQLTelemetry.Result(result);
        if (register && result.Executed)
        {
            await persisted.RegisterAsync(graphQLRequest.Query!, http.RequestAborted);
        }

        // Only a complete answer may be cached: an error may be gone on the next try.
        var policy = operation is not null && result.Executed && result.Errors is not { Count: > 0 }
            ? CachePolicy.For(schema, document!, operation)
            : CachePolicy.NoStore;
        await WriteResultAsync(http, mediaType, StatusFor(result, mediaType), result, policy);
    }

    /// <summary>
    /// With <c>application/graphql-response+json</c>, a result without data (a request error: parse,
    /// validation, variable coercion, limits) is 4xx; with <c>application/json</c> every well-formed
    /// request gets 200. A failure of the server itself is 500 either way.
    /// </summary>
    private static int StatusFor(ExecutionResult result, string mediaType)
    {
        if (result.Executed)
        {
            return StatusCodes.Status200OK;
        }

        return result.Errors?.Any(e => e is InternalServerError) == true
            ? StatusCodes.Status500InternalServerError
            : RequestErrorStatus(mediaType);
    }

    private static int RequestErrorStatus(string mediaType) =>
        mediaType == GraphQLMediaTypes.GraphQLResponseJson ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;

    private Task WriteProblemAsync(HttpContext http, string mediaType, GraphQLRequestProblem problem) =>
        WriteResultAsync(http, mediaType, problem.StatusCode, new ExecutionResult(new ExecutionError(problem.Message) { Code = problem.Code }));

    /// <summary>
    /// Serialized into a buffer first, so a response over <see cref="GraphQLHttpOptions.MaxResponseBytes"/>
    /// becomes a clean <c>RESPONSE_TOO_LARGE</c> error instead of a truncated body or hundreds of megabytes.
    /// </summary>
    private async Task WriteResultAsync(HttpContext http, string mediaType, int statusCode, ExecutionResult result, CachePolicy? policy = null)
    {
        using var buffer = new ResponseBudgetStream(options.CurrentValue.MaxResponseBytes);
        try
        {
            await serializer.WriteAsync(buffer, result, http.RequestAborted);
        }
        catch (ResponseBudgetStream.ExceededException)
        {
            buffer.SetLength(0);
            policy = CachePolicy.NoStore;
            var tooLarge = new ExecutionError($"The response is over {options.CurrentValue.MaxResponseBytes:N0} bytes; ask for fewer items or fields (page with `first`, one section's seats at a time).")
            {
                Code = GraphQLErrors.ResponseTooLarge,
            };
            await serializer.WriteAsync(buffer, new ExecutionResult(tooLarge) { Executed = true }, http.RequestAborted);
        }

        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        if (HttpCaching.Apply(http, buffer.Length > 0 && policy is not null ? policy : CachePolicy.NoStore, buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        http.Response.StatusCode = statusCode;
        http.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception serving /graphql; correlation id {CorrelationId}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string correlationId);
}
