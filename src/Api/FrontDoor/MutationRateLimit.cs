using System.Globalization;
using System.Threading.RateLimiting;
using TicketMaster.Api.Users;
using TicketMaster.GraphQL.Transport;

namespace TicketMaster.Api.FrontDoor;

/// <summary>
/// <c>FrontDoor:RateLimits:MutationsPerAccount</c>: a signed-in account's mutations over HTTP per window.
/// Anonymous mutations (login, register) are the credential throttle's and the address limit's business.
/// </summary>
public sealed class MutationRateLimit(RateLimitOptions options) : IMutationAdmission, IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimits.Window(account, options.MutationsPerAccount, options.Window));

    public GraphQLRequestProblem? Admit(HttpContext http)
    {
        if (Caller.UserIdOf(http.User) is not { } account)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(account.ToString(CultureInfo.InvariantCulture));
        return lease.IsAcquired
            ? null
            : RateLimits.Refusal(http, lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window);
    }

    public void Dispose() => _limiter.Dispose();
}
