using System.Collections.Concurrent;
using System.Net;
using TicketMaster.Common;
using TicketMaster.GraphQL.Transport;
using TicketMaster.Users;

namespace TicketMaster.Api.Users;

/// <summary>
/// Increasing waits for failed logins and registrations, counted per (account, address) and per
/// address: a guesser is slowed, while the account's owner, from any other address, still logs
/// in — nobody can lock a victim out by failing on purpose. An attempt counts as a failure from
/// the moment it starts (parallel guesses cannot slip in before the first one fails) and is
/// forgiven when it succeeds. Counters live in this process (see docs/security.md).
/// </summary>
public sealed class CredentialThrottle(CredentialThrottleOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    public async Task<T> LoginAsync<T>(string usernameOrEmail, IPAddress? address, Func<Task<T>> attempt)
    {
        var account = usernameOrEmail.Trim().ToUpperInvariant();
        var client = ClientAddresses.KeyOf(address);
        return await GuardAsync(
            [($"login|{account}|{client}", options.FreeFailuresPerAccountAndAddress), ($"address|{client}", options.FreeFailuresPerAddress)],
            attempt,
            failed: e => e is InvalidCredentialsException);
    }

    /// <summary>A refused registration (taken name or email, weak password) counts against the address: it is how accounts are probed.</summary>
    public async Task<T> RegisterAsync<T>(IPAddress? address, Func<Task<T>> attempt) =>
        await GuardAsync([($"address|{ClientAddresses.KeyOf(address)}", options.FreeFailuresPerAddress)], attempt, failed: e => e is DomainException);

    private async Task<T> GuardAsync<T>((string Key, int Free)[] keys, Func<Task<T>> attempt, Func<Exception, bool> failed)
    {
        if (!options.Enabled)
        {
            return await attempt();
        }

        // Checked before any counter is made: a refused attempt adds nothing, so guessing names from one
        // address cannot grow the table faster than the waits allow.
        var now = clock.GetUtcNow();
        var wait = keys.Select(k => _counters.TryGetValue(k.Key, out var known) ? known.BlockedUntil(now, options.ForgetAfter) - now : TimeSpan.Zero).Max();
        if (wait > TimeSpan.Zero)
        {
            throw new TooManyAttemptsException((int)Math.Ceiling(wait.TotalSeconds));
        }

        var counters = keys.Select(k => Track(k.Key, k.Free)).ToArray();

        foreach (var (counter, free) in counters)
        {
            counter.Fail(now, free, options);
        }

        try
        {
            var result = await attempt();
            Forgive(counters);
            return result;
        }
        catch (Exception e) when (!failed(e))
        {
            // Not a wrong guess (a database hiccup, a cancelled request): it should cost the caller nothing.
            Forgive(counters);
            throw;
        }
    }

    private static void Forgive((Counter Counter, int Free)[] counters)
    {
        foreach (var (counter, _) in counters)
        {
            counter.Forgive();
        }
    }

    private (Counter, int) Track(string key, int free)
    {
        if (_counters.Count >= options.MaxTrackedKeys)
        {
            var stale = clock.GetUtcNow() - options.ForgetAfter;
            foreach (var (k, c) in _counters.Where(entry => entry.Value.LastFailure < stale).ToList())
            {
                _counters.TryRemove(KeyValuePair.Create(k, c));
            }
        }

        return (_counters.GetOrAdd(key, _ => new Counter()), free);
    }

    private sealed class Counter
    {
        private readonly Lock _lock = new();
        private int _failures;
        private DateTimeOffset _blockedUntil;

        public DateTimeOffset LastFailure { get; private set; }

        public DateTimeOffset BlockedUntil(DateTimeOffset now, TimeSpan forgetAfter)
        {
            lock (_lock)
            {
                if (_failures > 0 && now - LastFailure > forgetAfter)
                {
                    _failures = 0;
                }

                return _blockedUntil;
            }
        }

        public void Fail(DateTimeOffset now, int free, CredentialThrottleOptions options)
        {
            lock (_lock)
            {
                _failures++;
                LastFailure = now;
                if (_failures >= free)
                {
                    var doublings = Math.Min(_failures - free, 30);
                    var delay = TimeSpan.FromTicks(Math.Min(options.FirstDelay.Ticks * (1L << doublings), options.MaxDelay.Ticks));
                    _blockedUntil = now + delay;
                }
            }
        }

        public void Forgive()
        {
            lock (_lock)
            {
                _failures = Math.Max(0, _failures - 1);
            }
        }
    }
}
