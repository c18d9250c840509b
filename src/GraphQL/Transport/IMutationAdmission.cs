namespace TicketMaster.GraphQL.Transport;

/// <summary>
/// Asked before a mutation sent over HTTP runs, once its operation type is known (which the front door's
/// rate limiter, running before parsing, cannot know); a problem refuses it without executing anything.
/// </summary>
public interface IMutationAdmission
{
    GraphQLRequestProblem? Admit(HttpContext http);
}
