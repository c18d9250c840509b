using System.ComponentModel;
using System.Threading.RateLimiting;
using TicketMaster.Common;
using TicketMaster.GraphQL.Transport;
using TicketMaster.WaitingRoom;

namespace TicketMaster.Api.WaitingRoom;

[Description("Too many joins from your address in the last minute; nothing changed. Try again in `retryAfter` seconds.")]
public sealed class TooManyJoinsException(int retryAfter)
    : DomainException($"Too many joins from your address; try again in {retryAfter} seconds.")
{
    [Description("Seconds to wait before joining again.")]
    public int RetryAfter { get; } = retryAfter;
}

/// <summary>
/// Joins per client address per minute (<c>WaitingRoom:JoinsPerMinutePerAddress</c>; zero turns it off),
/// so one address cannot fill a queue with accounts it made for the purpose. Counted in the process,
/// by the same address rule as ADR 0017's limits.
/// </summary>
public sealed class JoinLimit(WaitingRoomOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.JoinsPerMinutePerAddress),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public void Check(System.Net.IPAddress? address)
    {
        if (options.JoinsPerMinutePerAddress <= 0)
        {
            return;
        }

        using var lease = _limiter.AttemptAcquire(ClientAddresses.KeyOf(address));
        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            throw new TooManyJoinsException(Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)));
        }
    }

    public void Dispose() => _limiter.Dispose();
}
