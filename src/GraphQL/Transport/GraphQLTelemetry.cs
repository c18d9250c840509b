using System.Diagnostics;
using GraphQL;
using GraphQLParser.AST;

namespace TicketMaster.GraphQL.Transport;

/// <summary>
/// Names the request's span after the GraphQL operation it carries (OpenTelemetry's GraphQL conventions), so
/// a trace of <c>POST /graphql</c> says which page asked; without a listener there is no span and no cost.
/// </summary>
public static class GraphQLTelemetry
{
    public const string OperationName = "graphql.operation.name";
    public const string OperationType = "graphql.operation.type";
    public const string ErrorCount = "graphql.error.count";

    public static void Operation(GraphQLOperationDefinition? operation)
    {
        if (operation is null || Activity.Current is not { IsAllDataRequested: true } activity)
        {
            return;
        }

        var type = operation.Operation.ToString().ToLowerInvariant();
        activity.SetTag(OperationType, type);
        if (operation.Name is { } name)
        {
            activity.SetTag(OperationName, name.StringValue);
        }
    }

    public static void Result(ExecutionResult result)
    {
        if (result.Errors is { Count: > 0 } errors && Activity.Current is { IsAllDataRequested: true } activity)
        {
            activity.SetTag(ErrorCount, errors.Count);
            activity.SetStatus(ActivityStatusCode.Error, errors[0].Code);
        }
    }
}
