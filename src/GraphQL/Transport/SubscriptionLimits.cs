using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace TicketMaster.GraphQL.Transport;

/// <summary>
/// Counts open live connections and running subscriptions per client address, per account and per
/// instance, and hands out leases that give their slot back when disposed. A flood from one address
/// stops at its own limits, so other clients and <c>/healthz</c> keep their share of the server.
/// </summary>
public sealed class SubscriptionLimits(IOptionsMonitor<SubscriptionLimitOptions> options)
{
    public const string TooManySubscriptions = "TOO_MANY_SUBSCRIPTIONS";

    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private int _instance;

    /// <summary>A connection slot for <paramref name="address"/>, or null with the reason when it has none left.</summary>
    public (IDisposable? Lease, string? Refusal) OpenConnection(IPAddress? address)
    {
        var key = "connections|" + ClientAddresses.KeyOf(address);
        var max = options.CurrentValue.MaxConnectionsPerAddress;
        return TryTake(key, max)
            ? (new Lease(this, [key], instance: false), null)
            : (null, $"At most {max} live connections may be open from one address.");
    }

    /// <summary>A subscription slot for the caller, or null with the reason when a limit is reached.</summary>
    public (IDisposable? Lease, string? Refusal) StartSubscription(IPAddress? address, ClaimsPrincipal? user)
    {
        var limits = options.CurrentValue;
        var taken = new List<string>();
        string? refusal = null;
        var addressKey = "subscriptions|" + ClientAddresses.KeyOf(address);
        if (TryTake(addressKey, limits.MaxSubscriptionsPerAddress))
        {
            taken.Add(addressKey);
        }
        else
        {
            refusal = $"At most {limits.MaxSubscriptionsPerAddress} subscriptions may run at once from one address.";
        }

        if (refusal is null && user?.Identity is { IsAuthenticated: true, Name: { } account })
        {
            var accountKey = "account|" + account;
            if (TryTake(accountKey, limits.MaxSubscriptionsPerAccount))
            {
                taken.Add(accountKey);
            }
            else
            {
                refusal = $"At most {limits.MaxSubscriptionsPerAccount} subscriptions may run at once for one account.";
            }
        }

        if (refusal is null && Interlocked.Increment(ref _instance) > limits.MaxSubscriptionsPerInstance)
        {
            Interlocked.Decrement(ref _instance);
            refusal = "This server is at its subscription capacity; try again shortly.";
        }

        if (refusal is null)
        {
            return (new Lease(this, taken, instance: true), null);
        }

        Release(taken);
        return (null, refusal);
    }

    private bool TryTake(string key, int max)
    {
        while (true)
        {
            var current = _counts.GetOrAdd(key, 0);
            if (current >= max)
            {
                return false;
            }

            if (_counts.TryUpdate(key, current + 1, current))
            {
                return true;
            }
        }
    }

    private void Release(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            var left = _counts.AddOrUpdate(key, 0, (_, count) => Math.Max(0, count - 1));
            if (left == 0)
            {
                // Only removes the entry if nobody took a slot meanwhile, so memory follows the live clients.
                _counts.TryRemove(KeyValuePair.Create(key, 0));
            }
        }
    }

    private sealed class Lease(SubscriptionLimits owner, List<string> keys, bool instance) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }

            owner.Release(keys);
            if (instance)
            {
                Interlocked.Decrement(ref owner._instance);
            }
        }
    }
}
