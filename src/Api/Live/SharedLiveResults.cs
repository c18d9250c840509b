using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.MicrosoftDI;
using GraphQL.Validation;
using GraphQLParser.AST;
using TicketMaster.Live;

namespace TicketMaster.Api.Live;

/// <summary>
/// Executes each subscription message in a DI scope of its own (as <see cref="ScopedSubscriptionExecutionStrategy"/>),
/// except that a seat availability message is executed once per distinct document and variables and the
/// result shared by every subscriber that asked the same: 10,000 seat maps watching one event cost one
/// execution per change instead of 10,000 (docs/benchmarks.md, fanout). Safe because every field under
/// <c>onSeatAvailabilityChanged</c> and <c>onEventAvailabilityChanged</c> depends only on the message, never
/// on the caller; other messages (a buyer's reservations) are executed per subscriber.
/// </summary>
public sealed class SharedLiveResults(IServiceScopeFactory scopes) : ScopedSubscriptionExecutionStrategy(scopes)
{
    private readonly ConditionalWeakTable<SeatAvailabilityMessage, ConcurrentDictionary<Key, Lazy<Task<ExecutionResult>>>> _results = new();
    private readonly ConditionalWeakTable<Variables, string> _variableKeys = new();

    protected override async ValueTask<ExecutionResult> ProcessDataAsync(global::GraphQL.Execution.ExecutionContext context, ExecutionNode node, object? value)
    {
        if (value is not SeatAvailabilityMessage message)
        {
            return await base.ProcessDataAsync(context, node, value);
        }

        var key = new Key(context.Document, context.Operation, context.Variables is { } variables ? _variableKeys.GetValue(variables, VariablesKey) : "");
        var shared = _results.GetOrCreateValue(message).GetOrAdd(key, _ => new Lazy<Task<ExecutionResult>>(() => base.ProcessDataAsync(context, node, value).AsTask()));
        try
        {
            return await shared.Value;
        }
        catch (Exception) when (!context.CancellationToken.IsCancellationRequested)
        {
            // The subscriber that ran it went away mid-way: run it for this one.
            return await base.ProcessDataAsync(context, node, value);
        }
    }

    private static string VariablesKey(Variables variables) =>
        string.Join('&', variables.Select(v => $"{v.Name}={JsonSerializer.Serialize(v.Value)}"));

    private sealed record Key(GraphQLDocument Document, GraphQLOperationDefinition Operation, string Variables);
}
