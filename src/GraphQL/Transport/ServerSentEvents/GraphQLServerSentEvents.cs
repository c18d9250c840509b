using System.Text;
using GraphQL;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using TicketMaster.GraphQL.Transport.WebSockets;

namespace TicketMaster.GraphQL.Transport.ServerSentEvents;

/// <summary>
/// GraphQL over Server-Sent Events in graphql-sse's "distinct connections" mode: a request with
/// <c>Accept: text/event-stream</c> gets one <c>event: next</c> per result and <c>event: complete</c>
/// at the end; the client ends a subscription by closing the connection. Requests are read and
/// checked exactly like plain HTTP ones; GraphQL errors travel inside the stream as the protocol asks.
/// </summary>
public sealed partial class GraphQLServerSentEvents(
    GraphQLExecution execution,
    GraphQLRequestReader reader,
    IGraphQLTextSerializer serializer,
    IOptionsMonitor<GraphQLHttpOptions> httpOptions,
    IOptionsMonitor<GraphQLWebSocketOptions> streamOptions,
    SubscriptionLimits limits,
    ILogger<GraphQLServerSentEvents> logger)
{
    public const string MediaType = "text/event-stream";

    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(12);

    /// <summary>Only a client that names text/event-stream gets it; everyone else keeps the JSON answers.</summary>
    public static bool IsAccepted(StringValues accept) =>
        MediaTypeHeaderValue.TryParseList(accept, out var ranges)
        && ranges.Any(r => r.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase) && r.Quality is not 0);

    /// <returns>The problem to answer as plain HTTP when the request is not a GraphQL request; null once streamed.</returns>
    public async Task<GraphQLRequestProblem?> HandleAsync(HttpContext http, bool isGet)
    {
        var (request, problem) = isGet
            ? reader.ReadGet(http.Request.Query)
            : await reader.ReadPostAsync(http.Request, httpOptions.CurrentValue.MaxRequestBytes, http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var (document, parseError) = execution.Parse(request!.Query!);
        var operation = document is null ? null : GraphQLExecution.FindOperation(document, request.OperationName);
        if (isGet && operation is { Operation: OperationType.Mutation })
        {
            http.Response.Headers.Allow = "POST";
            return new GraphQLRequestProblem(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", "A mutation cannot be sent with GET; send it with POST.");
        }

        using var leases = new CompositeLease();
        if (operation is { Operation: OperationType.Subscription })
        {
            // One stream is one connection and one subscription: both count against the client's limits.
            var address = http.Connection.RemoteIpAddress;
            var (connection, refusal) = limits.OpenConnection(address);
            leases.Add(connection);
            if (connection is not null)
            {
                (var subscription, refusal) = limits.StartSubscription(address, http.User);
                leases.Add(subscription);
            }

            if (refusal is not null)
            {
                http.Response.Headers.RetryAfter = "5";
                return new GraphQLRequestProblem(StatusCodes.Status429TooManyRequests, SubscriptionLimits.TooManySubscriptions, refusal);
            }
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = $"{MediaType}; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.StartAsync(http.RequestAborted);

        var outgoing = new OutgoingQueue(streamOptions.CurrentValue.MaxQueuedResultsPerOperation);
        var writing = WriteLoopAsync(http, outgoing);
        try
        {
            if (parseError is not null)
            {
                outgoing.Enqueue(Next(parseError));
            }
            else
            {
                var result = await execution.ExecuteAsync(request, document!, http.User, http.RequestServices, http.RequestAborted);
                if (result.Streams is { Count: > 0 } streams)
                {
                    var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    using var subscription = streams.Values.Single().Subscribe(new ResultObserver(this, outgoing, done));
                    using var aborted = http.RequestAborted.Register(() => done.TrySetResult());
                    using var keepAlive = new PeriodicTimer(KeepAlive);
                    _ = Task.Run(async () =>
                    {
                        while (await keepAlive.WaitForNextTickAsync())
                        {
                            outgoing.Enqueue(new Outgoing(":\n\n"));
                        }
                    });
                    await done.Task;
                }
                else
                {
                    outgoing.Enqueue(Next(result));
                }
            }
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e)
        {
            outgoing.Enqueue(Failure(e));
        }

        outgoing.Enqueue(new Outgoing("event: complete\ndata: \n\n", CloseStatus: 0));
        await writing;
        return null;
    }

    private Outgoing Next(ExecutionResult result, string? droppableFor = null) =>
        new($"event: next\ndata: {serializer.Serialize(result)}\n\n", droppableFor);

    private Outgoing Failure(Exception error)
    {
        var correlationId = InternalServerError.NewCorrelationId();
        LogUnhandled(logger, error, correlationId);
        return Next(new ExecutionResult(error as ExecutionError ?? new InternalServerError(correlationId, error)));
    }

    private static async Task WriteLoopAsync(HttpContext http, OutgoingQueue outgoing)
    {
        try
        {
            while (true)
            {
                var item = await outgoing.DequeueAsync(http.RequestAborted);
                await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(item.Text), http.RequestAborted);
                await http.Response.Body.FlushAsync(http.RequestAborted);
                if (item.CloseStatus is not null)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The client closed the stream.
        }
    }

    private sealed class CompositeLease : IDisposable
    {
        private readonly List<IDisposable> _leases = [];

        public void Add(IDisposable? lease)
        {
            if (lease is not null)
            {
                _leases.Add(lease);
            }
        }

        public void Dispose() => _leases.ForEach(lease => lease.Dispose());
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception streaming a GraphQL result as Server-Sent Events; correlation id {CorrelationId}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string correlationId);

    private sealed class ResultObserver(GraphQLServerSentEvents owner, OutgoingQueue outgoing, TaskCompletionSource done) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => outgoing.Enqueue(owner.Next(value, droppableFor: "stream"));

        public void OnError(Exception error)
        {
            outgoing.Enqueue(owner.Failure(error));
            done.TrySetResult();
        }

        public void OnCompleted() => done.TrySetResult();
    }
}
