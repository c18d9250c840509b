namespace TicketMaster.GraphQL.Transport;

/// <summary>
/// Why an HTTP request is not a GraphQL request: answered with <paramref name="StatusCode"/> and one
/// error carrying <paramref name="Code"/>, before any GraphQL parsing or execution.
/// </summary>
public sealed record GraphQLRequestProblem(int StatusCode, string Code, string Message)
{
    public static GraphQLRequestProblem InvalidRequest(string message) =>
        new(StatusCodes.Status400BadRequest, "INVALID_REQUEST", message);

    public static GraphQLRequestProblem InvalidJson(string message) =>
        new(StatusCodes.Status400BadRequest, "INVALID_JSON", message);
}
