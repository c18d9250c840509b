using System.Security.Claims;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace TicketMaster.GraphQL.Transport;

/// <summary>
/// The one execution path of every transport (HTTP, WebSocket, Server-Sent Events): parse the
/// document once, find the operation, execute through the DI-configured executer.
/// </summary>
public sealed class GraphQLExecution(IDocumentExecuter<ISchema> executer, IDocumentBuilder documentBuilder, Microsoft.Extensions.Options.IOptionsMonitor<GraphQLHttpOptions> options)
{
    /// <summary>The parsed document, or the request error that a parse failure is.</summary>
    public (GraphQLDocument? Document, ExecutionResult? Error) Parse(string query)
    {
        try
        {
            return (documentBuilder.Build(query), null);
        }
        catch (ExecutionError error)
        {
            return (null, new ExecutionResult(error));
        }
        catch (GraphQLMaxDepthExceededException e)
        {
            var error = new ExecutionError($"The document is nested too deeply to parse (line {e.Location.Line}, column {e.Location.Column}).") { Code = GraphQLErrors.MaxDepthExceeded };
            return (null, new ExecutionResult(error));
        }
    }

    /// <summary>The operation the executer will run, or null when none matches (the executer reports that).</summary>
    public static GraphQLOperationDefinition? FindOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>();
        if (string.IsNullOrEmpty(operationName))
        {
            var all = operations.Take(2).ToList();
            return all.Count == 1 ? all[0] : null;
        }

        return operations.FirstOrDefault(o => o.Name == operationName);
    }

    /// <summary>
    /// Executes a parsed request; a subscription's result carries its stream in <see cref="ExecutionResult.Streams"/>.
    /// A query or mutation runs under <see cref="GraphQLHttpOptions.ExecutionTimeout"/>: past it, its
    /// resolvers and database commands are cancelled and the answer is <c>EXECUTION_TIME_EXCEEDED</c>.
    /// </summary>
    public async Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, GraphQLDocument document, ClaimsPrincipal user, IServiceProvider services, CancellationToken cancellationToken)
    {
        var budget = options.CurrentValue.ExecutionTimeout;
        if (budget <= TimeSpan.Zero || FindOperation(document, request.OperationName)?.Operation is not (OperationType.Query or OperationType.Mutation))
        {
            return await ExecuteCoreAsync(request, document, user, services, cancellationToken);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(budget);
        try
        {
            return await ExecuteCoreAsync(request, document, user, services, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var error = new ExecutionError($"The request ran over its {budget.TotalSeconds:0.#} s budget and was cancelled; ask for less.") { Code = GraphQLErrors.ExecutionTimeExceeded };
            return new ExecutionResult(error) { Executed = true };
        }
    }

    private Task<ExecutionResult> ExecuteCoreAsync(GraphQLRequest request, GraphQLDocument document, ClaimsPrincipal user, IServiceProvider services, CancellationToken cancellationToken) =>
        executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            Document = document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = services,
            User = user,
            CancellationToken = cancellationToken,
        });
}
