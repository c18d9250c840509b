using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;

namespace TicketMaster.GraphQL.Transport.WebSockets;

/// <summary>The two WebSocket subprotocols, which differ in message names and a few rules.</summary>
public enum GraphQLWebSocketProtocol
{
    /// <summary><c>graphql-transport-ws</c>, the graphql-ws library's protocol.</summary>
    GraphQLTransportWs,

    /// <summary><c>graphql-ws</c> of the older subscriptions-transport-ws (Apollo) clients.</summary>
    LegacyGraphQLWs,
}

/// <summary>Close codes of the graphql-transport-ws protocol.</summary>
public static class CloseCodes
{
    public const int BadRequest = 4400;
    public const int Unauthorized = 4401;
    public const int Forbidden = 4403;
    public const int SubprotocolNotAcceptable = 4406;
    public const int ConnectionInitialisationTimeout = 4408;
    public const int SubscriberAlreadyExists = 4409;
    public const int TooManyInitialisationRequests = 4429;

    /// <summary>The client's address has too many live connections open (the HTTP 429 of close codes).</summary>
    public const int TooManyConnections = 4429;
    public const int InternalServerError = 4500;
}

/// <summary>
/// One WebSocket connection: a receive loop that handles protocol messages in order, one send loop
/// fed by an <see cref="OutgoingQueue"/>, and one task per running operation. Operations run in
/// scopes of their own, through the same <see cref="GraphQLExecution"/> as HTTP requests.
/// </summary>
public sealed partial class GraphQLWebSocketSession(
    WebSocket socket,
    GraphQLWebSocketProtocol protocol,
    ClaimsPrincipal upgradeUser,
    System.Net.IPAddress? address,
    GraphQLWebSocketOptions options,
    GraphQLExecution execution,
    GraphQLRequestReader reader,
    IGraphQLTextSerializer serializer,
    WebSocketAuthentication authentication,
    SubscriptionLimits limits,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger logger)
{
    private readonly OutgoingQueue _outgoing = new(options.MaxQueuedResultsPerOperation);
    private readonly ConcurrentDictionary<string, Operation> _operations = new();
    private readonly CancellationTokenSource _closing = new();
    private ClaimsPrincipal? _user;
    private int _initialised; // 0 none, 1 init received, 2 acknowledged

    private bool IsLegacy => protocol == GraphQLWebSocketProtocol.LegacyGraphQLWs;

    public async Task RunAsync(CancellationToken aborted)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, _closing.Token);
        var sending = SendLoopAsync(aborted);
        await using var initTimeout = IsLegacy ? null : clock.CreateTimer(_ =>
        {
            if (Volatile.Read(ref _initialised) == 0)
            {
                Close(CloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
            }
        }, null, options.ConnectionInitWaitTimeout, Timeout.InfiniteTimeSpan);
        try
        {
            await ReceiveLoopAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            // Closed by us, or the client went away.
        }
        catch (WebSocketException)
        {
            // The client went away without a close handshake.
        }
        catch (Exception e)
        {
            LogUnhandled(logger, e);
            Close(CloseCodes.InternalServerError, "Internal server error");
        }
        finally
        {
            foreach (var operation in _operations.Values)
            {
                operation.Stop();
            }

            _operations.Clear();
        }

        // Let a close (ours or the echo of the client's) go out, but never wait on a stuck client for long.
        if (socket.State == WebSocketState.CloseReceived)
        {
            Close(1000, "");
        }

        await Task.WhenAny(sending, Task.Delay(TimeSpan.FromSeconds(5), clock, CancellationToken.None));
        await AwaitCloseEchoAsync();
        if (socket.State != WebSocketState.Closed)
        {
            socket.Abort();
        }
    }

    /// <summary>
    /// After our close frame, reads until the client's answer: closing the TCP connection before it
    /// would reset it, and the client could lose the close code it is meant to read.
    /// </summary>
    private async Task AwaitCloseEchoAsync()
    {
        if (socket.State != WebSocketState.CloseSent)
        {
            return;
        }

        var buffer = new byte[1024];
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            while (socket.State == WebSocketState.CloseSent)
            {
                await socket.ReceiveAsync(buffer, patience.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client never answered; the abort below ends it.
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var message = new MemoryStream();
            while (socket.State == WebSocketState.Open)
            {
                message.SetLength(0);
                WebSocketReceiveResult received;
                do
                {
                    received = await socket.ReceiveAsync(buffer, cancellationToken);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    if (message.Length + received.Count > options.MaxMessageBytes)
                    {
                        Close((int)WebSocketCloseStatus.MessageTooBig, $"Messages are limited to {options.MaxMessageBytes} bytes");
                        return;
                    }

                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage);

                if (received.MessageType != WebSocketMessageType.Text)
                {
                    Close(CloseCodes.BadRequest, "Messages must be JSON text");
                    return;
                }

                if (!await HandleAsync(message.GetBuffer().AsMemory(0, (int)message.Length)))
                {
                    return;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <returns>False when the connection is closing.</returns>
    private async Task<bool> HandleAsync(ReadOnlyMemory<byte> text)
    {
        JsonElement message;
        try
        {
            using var document = JsonDocument.Parse(text);
            message = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Refuse("Invalid message: not JSON");
        }

        if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("type", out var typeProperty) || typeProperty.ValueKind != JsonValueKind.String)
        {
            return Refuse("Invalid message: no 'type'");
        }

        var payload = message.TryGetProperty("payload", out var p) && p.ValueKind != JsonValueKind.Null ? p : (JsonElement?)null;
        var type = typeProperty.GetString();
        switch (type)
        {
            case "connection_init":
                return await InitialiseAsync(payload);
            case "ping" when !IsLegacy:
                Send(Message("pong", null, null));
                return true;
            case "pong" when !IsLegacy:
                return true;
            case "subscribe" when !IsLegacy:
            case "start" when IsLegacy:
                return await StartAsync(message, payload);
            case "complete" when !IsLegacy:
            case "stop" when IsLegacy:
                if (OperationId(message) is { } id && _operations.TryRemove(id, out var stopped))
                {
                    stopped.Stop();
                }

                return OperationId(message) is not null || Refuse("Invalid message: no 'id'");
            case "connection_terminate" when IsLegacy:
                Close(1000, "");
                return false;
            default:
                return Refuse($"Invalid message type '{type}'");
        }
    }

    private async Task<bool> InitialiseAsync(JsonElement? payload)
    {
        if (Interlocked.CompareExchange(ref _initialised, 1, 0) != 0)
        {
            if (IsLegacy)
            {
                return true;
            }

            Close(CloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return false;
        }

        if (payload is { ValueKind: not JsonValueKind.Object })
        {
            return Refuse("Invalid message: 'payload' must be an object");
        }

        var user = await authentication.AuthenticateAsync(payload, upgradeUser);
        if (user is null)
        {
            if (IsLegacy)
            {
                Send(Message("connection_error", null, """{"message":"The access token is not valid."}"""));
                Close(CloseCodes.Forbidden, "Forbidden");
            }
            else
            {
                Close(CloseCodes.Forbidden, "Forbidden");
            }

            return false;
        }

        _user = user;
        Volatile.Write(ref _initialised, 2);
        Send(Message("connection_ack", null, null));
        if (IsLegacy)
        {
            Send(Message("ka", null, null));
            _ = KeepAliveAsync();
        }

        return true;
    }

    private async Task<bool> StartAsync(JsonElement message, JsonElement? payload)
    {
        if (Volatile.Read(ref _initialised) != 2)
        {
            if (IsLegacy)
            {
                return Refuse("Send connection_init first");
            }

            Close(CloseCodes.Unauthorized, "Unauthorized");
            return false;
        }

        if (OperationId(message) is not { } id)
        {
            return Refuse("Invalid message: 'id' must be a non-empty string");
        }

        var (request, problem) = payload is { } body ? reader.ReadPayload(body) : (null, GraphQLRequestProblem.InvalidRequest("'payload' is missing."));
        if (problem is not null)
        {
            return Refuse($"Invalid message: {problem.Message}");
        }

        var operation = new Operation(id);
        if (!_operations.TryAdd(id, operation))
        {
            if (!IsLegacy)
            {
                Close(CloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
                return false;
            }

            // The legacy protocol lets a start replace the running operation of the same id.
            _operations.TryRemove(id, out var replaced);
            replaced?.Stop();
            _operations[id] = operation;
        }

        if (_operations.Count > options.MaxOperationsPerSocket)
        {
            _operations.TryRemove(new KeyValuePair<string, Operation>(id, operation));
            SendErrors(id, [new ExecutionError($"At most {options.MaxOperationsPerSocket} operations may run on one connection.") { Code = "TOO_MANY_OPERATIONS" }]);
            return true;
        }

        // A subscription is running before the next message is read, so a client's subscriptions
        // start in the order it sent them; queries and mutations run alongside.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        operation.Running = RunOperationAsync(operation, request!, started);
        await started.Task;
        return true;
    }

    private async Task RunOperationAsync(Operation operation, GraphQLRequest request, TaskCompletionSource started)
    {
        IDisposable? lease = null;
        try
        {
            var (document, parseError) = execution.Parse(request.Query!);
            if (parseError is not null)
            {
                Finish(operation, parseError, requestError: true);
                return;
            }

            ExecutionResult result;
            var operationType = GraphQLExecution.FindOperation(document!, request.OperationName)?.Operation;
            if (operationType != OperationType.Subscription)
            {
                started.TrySetResult();
            }
            else
            {
                (lease, var refusal) = limits.StartSubscription(address, _user ?? upgradeUser);
                if (lease is null)
                {
                    Finish(operation, new ExecutionResult(new ExecutionError(refusal!) { Code = SubscriptionLimits.TooManySubscriptions }), requestError: true);
                    return;
                }
            }

            await using (var scope = scopes.CreateAsyncScope())
            {
                result = await execution.ExecuteAsync(request, document!, _user ?? upgradeUser, scope.ServiceProvider, operation.Cancellation.Token);
            }

            started.TrySetResult();

            if (operationType != OperationType.Subscription || result.Streams is not { Count: > 0 } streams)
            {
                // Parse and validation failures (nothing executed) and a subscription that could not
                // start are request errors; anything executed is a result.
                Finish(operation, result, requestError: !result.Executed || operationType == OperationType.Subscription);
                return;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var subscription = streams.Values.Single().Subscribe(new ResultObserver(this, operation, done));
            using var stop = operation.Cancellation.Token.Register(() => done.TrySetResult());
            await done.Task;
        }
        catch (OperationCanceledException) when (operation.Cancellation.IsCancellationRequested)
        {
            // The client completed the operation.
        }
        catch (Exception e)
        {
            var correlationId = InternalServerError.NewCorrelationId();
            LogOperationFailed(logger, e, correlationId);
            SendErrors(operation.Id, [new InternalServerError(correlationId, e)]);
            _operations.TryRemove(new KeyValuePair<string, Operation>(operation.Id, operation));
        }
        finally
        {
            lease?.Dispose();
            started.TrySetResult();
        }
    }

    /// <summary>A single result (a query, a mutation, or a request that failed before it ran) and the operation's end.</summary>
    private void Finish(Operation operation, ExecutionResult result, bool requestError)
    {
        if (!_operations.TryRemove(new KeyValuePair<string, Operation>(operation.Id, operation)))
        {
            return; // completed by the client meanwhile: nothing more is sent
        }

        if (requestError && !IsLegacy)
        {
            SendErrors(operation.Id, result.Errors ?? []);
            return;
        }

        Send(Message(IsLegacy ? "data" : "next", operation.Id, serializer.Serialize(result)));
        Send(Message("complete", operation.Id, null));
    }

    private void SendResult(string id, ExecutionResult result) =>
        Send(Message(IsLegacy ? "data" : "next", id, serializer.Serialize(result)), droppableFor: id);

    private void SendFailure(string id, Exception error)
    {
        var correlationId = InternalServerError.NewCorrelationId();
        LogOperationFailed(logger, error, correlationId);
        SendErrors(id, [error as ExecutionError ?? new InternalServerError(correlationId, error)]);
    }

    private void SendErrors(string id, IEnumerable<ExecutionError> errors)
    {
        var list = new ExecutionErrors();
        foreach (var error in errors)
        {
            list.Add(error);
        }

        if (IsLegacy)
        {
            Send(Message("data", id, serializer.Serialize(new ExecutionResult { Errors = list })));
            Send(Message("complete", id, null));
        }
        else
        {
            Send(Message("error", id, serializer.Serialize(list)));
        }
    }

    private async Task KeepAliveAsync()
    {
        using var timer = new PeriodicTimer(options.LegacyKeepAliveInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_closing.Token))
            {
                Send(Message("ka", null, null));
            }
        }
        catch (OperationCanceledException)
        {
            // Connection closed.
        }
    }

    private async Task SendLoopAsync(CancellationToken aborted)
    {
        try
        {
            while (true)
            {
                var item = await _outgoing.DequeueAsync(aborted);
                if (item.CloseStatus is { } status)
                {
                    if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync((WebSocketCloseStatus)status, item.Text, aborted);
                    }

                    return;
                }

                await socket.SendAsync(Encoding.UTF8.GetBytes(item.Text), WebSocketMessageType.Text, endOfMessage: true, aborted);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The client went away.
        }
        finally
        {
            // After our close frame, give the client a moment to answer it before the receive gives up.
            _closing.CancelAfter(TimeSpan.FromSeconds(2));
        }
    }

    private void Send(string text, string? droppableFor = null)
    {
        if (!_outgoing.Enqueue(new Outgoing(text, droppableFor)))
        {
            // A client that never reads but keeps sending pings: cut it off.
            socket.Abort();
        }
    }

    /// <summary>Queues the close: what was queued before still goes out, nothing after it does.</summary>
    private void Close(int status, string reason) => _outgoing.Enqueue(new Outgoing(reason, CloseStatus: status));

    /// <summary>graphql-transport-ws closes on an invalid message; the legacy protocol answers with an error.</summary>
    private bool Refuse(string reason)
    {
        if (IsLegacy)
        {
            Send(Message("error", null, JsonSerializer.Serialize(new { message = reason })));
            return true;
        }

        Close(CloseCodes.BadRequest, reason.Length > 120 ? reason[..120] : reason);
        return false;
    }

    private static string? OperationId(JsonElement message) =>
        message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value ? value : null;

    /// <summary>One message as JSON text; <paramref name="payloadJson"/> is already serialized.</summary>
    private static string Message(string type, string? id, string? payloadJson)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (id is not null)
            {
                writer.WriteString("id", id);
            }

            writer.WriteString("type", type);
            if (payloadJson is not null)
            {
                writer.WritePropertyName("payload");
                writer.WriteRawValue(payloadJson, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on a GraphQL WebSocket connection")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception running a GraphQL operation over WebSocket; correlation id {CorrelationId}")]
    private static partial void LogOperationFailed(ILogger logger, Exception exception, string correlationId);

    private sealed class Operation(string id)
    {
        public string Id { get; } = id;

        public CancellationTokenSource Cancellation { get; } = new();

        public Task? Running { get; set; }

        public void Stop() => Cancellation.Cancel();
    }

    /// <summary>Sends each result of a subscription as a droppable message; ends the operation with the stream.</summary>
    private sealed class ResultObserver(GraphQLWebSocketSession session, Operation operation, TaskCompletionSource done) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value)
        {
            if (!operation.Cancellation.IsCancellationRequested)
            {
                session.SendResult(operation.Id, value);
            }
        }

        public void OnError(Exception error)
        {
            if (session._operations.TryRemove(new KeyValuePair<string, Operation>(operation.Id, operation)))
            {
                session.SendFailure(operation.Id, error);
            }

            done.TrySetResult();
        }

        public void OnCompleted()
        {
            if (session._operations.TryRemove(new KeyValuePair<string, Operation>(operation.Id, operation)))
            {
                session.Send(Message("complete", operation.Id, null));
            }

            done.TrySetResult();
        }
    }
}
