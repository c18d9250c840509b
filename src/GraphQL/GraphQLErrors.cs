using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation.Complexity;

namespace TicketMaster.GraphQL;

/// <summary>
/// How errors reach clients: every error carries <c>extensions.code</c>, and anything unexpected
/// becomes <see cref="InternalServerError"/> (logged with a correlation id, no stack trace outside
/// Development).
/// </summary>
public static partial class GraphQLErrors
{
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";
    public const string MaxComplexityExceeded = "MAX_COMPLEXITY_EXCEEDED";
    public const string ExecutionTimeExceeded = "EXECUTION_TIME_EXCEEDED";
    public const string ResponseTooLarge = "RESPONSE_TOO_LARGE";

    /// <param name="exposeDetails"><see cref="Transport.GraphQLHttpOptions.ExposeExceptionDetails"/>: stack traces only when an operator asks.</param>
    /// <param name="suggestions">
    /// "Did you mean 'events'?" in validation errors: a help while developing, a map of the schema
    /// for whoever probes a server that hides it; on in Development only.
    /// </param>
    /// <param name="isOutage">Whether a failure means the database is not answering (the persistence layer knows its providers' errors).</param>
    public static IGraphQLBuilder AddCodedErrors(this IGraphQLBuilder builder, bool exposeDetails, bool suggestions, Func<Exception, bool>? isOutage = null)
    {
        return builder
            .AddErrorInfoProvider(new CodedErrorInfoProvider(new ErrorInfoProviderOptions
            {
                ExposeExceptionDetails = exposeDetails,

                // "codes" lists the inner exceptions' type names: useful while debugging, noise to clients.
                ExposeCodes = exposeDetails,
            }, suggestions))
            .AddUnhandledExceptionHandler(context =>
            {
                var correlationId = InternalServerError.NewCorrelationId();
                var logger = context.ExecutionOptions.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(typeof(GraphQLErrors).FullName!);
                if (logger is not null)
                {
                    LogUnhandled(logger, context.OriginalException, context.FieldContext?.FieldDefinition.Name ?? "(document)", correlationId);
                }

                context.Exception = isOutage?.Invoke(context.OriginalException) == true
                    ? new ServiceUnavailableError(correlationId, context.OriginalException)
                    : new InternalServerError(correlationId, context.OriginalException);
            });
    }

    /// <summary>
    /// Gives depth and complexity errors codes of their own, so a client can tell "split this
    /// query" from "ask for fewer items"; GraphQL.NET reports both as <c>COMPLEXITY</c>.
    /// </summary>
    public static Task CodeComplexityErrorAsync(ComplexityValidationContext context)
    {
        if (context.Error is { } error)
        {
            error.Code = context.MaxDepth > context.Configuration.MaxDepth ? MaxDepthExceeded : MaxComplexityExceeded;
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception resolving {Field}; correlation id {CorrelationId}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string field, string correlationId);
}

/// <summary>An unexpected failure, shown to clients as a message and a correlation id only.</summary>
public sealed class InternalServerError : ExecutionError
{
    public const string ErrorCode = "INTERNAL_SERVER_ERROR";

    public InternalServerError(string correlationId, Exception? innerException)
        : base($"An unexpected error occurred. Quote correlation id {correlationId} when reporting it.", innerException)
    {
        Code = ErrorCode;
        this.AddExtension("correlationId", correlationId);
    }

    public static string NewCorrelationId() => Guid.NewGuid().ToString("N")[..16];
}

/// <summary>
/// The database did not answer (down, restarting, or locked past its timeout): a client should retry after a pause,
/// and a mutation retried with the same idempotency key is safe.
/// </summary>
public sealed class ServiceUnavailableError : ExecutionError
{
    public const string ErrorCode = "SERVICE_UNAVAILABLE";

    public ServiceUnavailableError(string correlationId, Exception? innerException)
        : base("The service's database is not answering right now; try again in a few seconds (a mutation retried with the same idempotency key is safe).", innerException)
    {
        Code = ErrorCode;
        this.AddExtension("correlationId", correlationId);
    }
}

/// <summary>GraphQL.NET's provider, plus a code on the errors that were created without one.</summary>
public sealed partial class CodedErrorInfoProvider(ErrorInfoProviderOptions options, bool suggestions = true) : ErrorInfoProvider(options)
{
    /// <summary>For an <see cref="ExecutionError"/> a resolver threw without a code.</summary>
    public const string FallbackCode = "EXECUTION_ERROR";

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (!suggestions && executionError is global::GraphQL.Validation.ValidationError)
        {
            info.Message = Suggestion().Replace(info.Message, "");
        }

        if (info.Extensions is null || !info.Extensions.ContainsKey("code"))
        {
            info.Extensions ??= new Dictionary<string, object?>();
            info.Extensions["code"] = executionError is UnhandledError ? InternalServerError.ErrorCode : FallbackCode;
        }

        return info;
    }

    [System.Text.RegularExpressions.GeneratedRegex(" Did you mean .*$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex Suggestion();
}
