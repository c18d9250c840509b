using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace TicketMaster.Live;

/// <summary>
/// The bus shared by every Api instance (<c>Availability:Bus=Redis</c>): a Lua script takes the
/// event's next version from <c>tm:availability:version:{eventId}</c> and PUBLISHes the message on
/// the event's channel in one atomic step, so versions are consecutive across instances and Redis
/// delivers them in version order. Each instance SUBSCRIBEs to a channel while it has local
/// subscribers of that key and feeds them through <see cref="LocalFanout{TKey, T}"/>.
/// </summary>
/// <remarks>
/// Redis pub/sub is at-most-once. Nothing here ever blocks or fails the booking path: commands fail
/// fast while Redis is unreachable, the message is dropped and logged, and the event's next message
/// skips a version so its subscribers see the gap. A version key lost with a Redis restart starts
/// again from Redis's clock in microseconds, far above any version before it (ADR 0008).
/// </remarks>
public sealed partial class RedisAvailabilityBus : IAvailabilityBus, IDisposable
{
    private const string VersionKeyPrefix = "tm:availability:version:";

    // A missing key starts at Redis's clock in microseconds (digits joined as text: Lua numbers are
    // doubles and would print 16 digits in exponent form). Returned and published as GET's text.
    private const string StartVersion = """
        if redis.call('EXISTS', KEYS[1]) == 0 then
          local t = redis.call('TIME')
          redis.call('SET', KEYS[1], t[1] .. string.rep('0', 6 - #t[2]) .. t[2])
        end
        """;

    private const string PublishScript = StartVersion + "\n" + """
        redis.call('INCRBY', KEYS[1], ARGV[1])
        local v = redis.call('GET', KEYS[1])
        redis.call('PUBLISH', ARGV[2], v .. ':' .. ARGV[3])
        return v
        """;

    private const string CurrentScript = StartVersion + "\n" + """
        return redis.call('GET', KEYS[1])
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisAvailabilityBus> _logger;
    private readonly LocalFanout<int, SeatAvailabilityMessage> _events;
    private readonly LocalFanout<int, HoldChange> _users;
    private readonly ConcurrentDictionary<int, byte> _dropped = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<RedisChannel, Task> _reconciling = [];
    private readonly Dictionary<RedisChannel, ChannelMessageQueue> _subscribed = [];
    private int _unreachable;

    public RedisAvailabilityBus(IConnectionMultiplexer redis, AvailabilityOptions options, ILogger<RedisAvailabilityBus> logger)
    {
        _redis = redis;
        _logger = logger;
        _events = new LocalFanout<int, SeatAvailabilityMessage>(options.SubscriberBuffer);
        _users = new LocalFanout<int, HoldChange>(options.SubscriberBuffer);
        _events.Watched += (eventId, _) => Reconcile(EventChannel(eventId), () => _events.HasSubscribers(eventId), DeliverEvent);
        _users.Watched += (userId, _) => Reconcile(UserChannel(userId), () => _users.HasSubscribers(userId), DeliverHold);
    }

    public static RedisChannel EventChannel(int eventId) => RedisChannel.Literal($"tm:availability:event:{eventId}");

    public static RedisChannel UserChannel(int userId) => RedisChannel.Literal($"tm:availability:user:{userId}");

    public async ValueTask<SeatAvailabilityMessage> PublishAsync(SeatAvailabilityMessage message, CancellationToken cancellationToken)
    {
        // After a drop, skip a version: the change that was lost gets no number, so without the skip
        // the next one would look consecutive and nobody would refetch.
        var step = _dropped.ContainsKey(message.EventId) ? 2 : 1;
        try
        {
            var version = (string?)await _redis.GetDatabase().ScriptEvaluateAsync(
                PublishScript,
                [VersionKey(message.EventId)],
                [step, EventChannel(message.EventId).ToString(), JsonSerializer.Serialize(message with { Version = 0 }, Json)]);
            _dropped.TryRemove(message.EventId, out _);
            Reachable();
            return message with { Version = long.Parse(version!, CultureInfo.InvariantCulture) };
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            _dropped[message.EventId] = 0;
            Unreachable(e);
            return message with { Version = 0 };
        }
    }

    public async ValueTask PublishAsync(HoldChange change, CancellationToken cancellationToken)
    {
        try
        {
            await _redis.GetSubscriber().PublishAsync(UserChannel(change.UserId), JsonSerializer.Serialize(change, Json));
            Reachable();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // A subscriber that reconnects gets its running holds first, so a lost one heals then.
            Unreachable(e);
        }
    }

    public async ValueTask<long> CurrentVersionAsync(int eventId, CancellationToken cancellationToken)
    {
        try
        {
            var version = (string?)await _redis.GetDatabase().ScriptEvaluateAsync(CurrentScript, [VersionKey(eventId)]);
            return long.Parse(version!, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Unreachable(e);
            throw Unavailable(e);
        }
    }

    public async ValueTask<IBusSubscription<SeatAvailabilityMessage>> SubscribeToEventAsync(int eventId, CancellationToken cancellationToken) =>
        await SubscribeAsync(_events, eventId, EventChannel(eventId), cancellationToken);

    public async ValueTask<IBusSubscription<HoldChange>> SubscribeToUserAsync(int userId, CancellationToken cancellationToken) =>
        await SubscribeAsync(_users, userId, UserChannel(userId), cancellationToken);

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var queue in _subscribed.Values)
            {
                queue.Unsubscribe(CommandFlags.FireAndForget);
            }

            _subscribed.Clear();
        }
    }

    /// <summary>What a subscriber gets while Redis is unreachable: the port's error to retry on (the Api makes it <c>LIVE_UNAVAILABLE</c>).</summary>
    private static LiveUpdatesUnavailableException Unavailable(Exception? cause) => new(cause);

    private static RedisKey VersionKey(int eventId) => $"{VersionKeyPrefix}{eventId}";

    /// <summary>
    /// Subscribes locally, then waits until the Redis channel's SUBSCRIBE is confirmed (started by this
    /// subscriber or one just before it), so every message published afterwards reaches it.
    /// </summary>
    private async Task<IBusSubscription<T>> SubscribeAsync<T>(LocalFanout<int, T> fanout, int key, RedisChannel channel, CancellationToken cancellationToken)
    {
        var subscription = fanout.Subscribe(key);
        try
        {
            Task pending;
            lock (_gate)
            {
                pending = _reconciling.GetValueOrDefault(channel) ?? Task.CompletedTask;
            }

            await pending.WaitAsync(cancellationToken);
            lock (_gate)
            {
                if (!_subscribed.ContainsKey(channel))
                {
                    throw Unavailable(null);
                }
            }

            return subscription;
        }
        catch
        {
            await subscription.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Brings the channel's Redis subscription in line with whether it has local subscribers. Runs after
    /// the channel's previous reconcile, and reads the state when it runs, so first-in and last-out
    /// racing each other still end in the right state.
    /// </summary>
    private void Reconcile(RedisChannel channel, Func<bool> wanted, Action<ChannelMessage> deliver)
    {
        lock (_gate)
        {
            var previous = _reconciling.GetValueOrDefault(channel) ?? Task.CompletedTask;
            _reconciling[channel] = previous.ContinueWith(async _ =>
            {
                ChannelMessageQueue? queue;
                lock (_gate)
                {
                    _subscribed.TryGetValue(channel, out queue);
                }

                if (wanted() && queue is null)
                {
                    try
                    {
                        queue = await _redis.GetSubscriber().SubscribeAsync(channel);
                        queue.OnMessage(deliver);
                        lock (_gate)
                        {
                            _subscribed[channel] = queue;
                        }
                    }
                    catch (Exception e) when (e is RedisException or TimeoutException)
                    {
                        LogSubscribeFailed(_logger, channel.ToString(), e);
                    }
                }
                else if (!wanted() && queue is not null)
                {
                    lock (_gate)
                    {
                        _subscribed.Remove(channel);
                    }

                    try
                    {
                        await queue.UnsubscribeAsync();
                    }
                    catch (Exception e) when (e is RedisException or TimeoutException)
                    {
                        // Gone with the connection anyway; the multiplexer forgets it.
                    }
                }
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    private void DeliverEvent(ChannelMessage received)
    {
        var text = (string)received.Message!;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var message = JsonSerializer.Deserialize<SeatAvailabilityMessage>(text.AsSpan(colon + 1), Json)!;
        _events.Deliver(message.EventId, message with { Version = long.Parse(text.AsSpan(0, colon), CultureInfo.InvariantCulture) });
    }

    private void DeliverHold(ChannelMessage received)
    {
        var change = JsonSerializer.Deserialize<HoldChange>((string)received.Message!, Json)!;
        _users.Deliver(change.UserId, change);
    }

    private void Reachable()
    {
        if (Interlocked.Exchange(ref _unreachable, 0) == 1)
        {
            LogReachable(_logger);
        }
    }

    private void Unreachable(Exception e)
    {
        // Once per outage, not once per change: an onsale would flood the log.
        if (Interlocked.Exchange(ref _unreachable, 1) == 0)
        {
            LogDropping(_logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Redis is unreachable: availability changes are dropped (subscribers see the version gap) until it is back")]
    private static partial void LogDropping(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is reachable again: availability changes are published")]
    private static partial void LogReachable(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Subscribing to Redis channel {Channel} failed")]
    private static partial void LogSubscribeFailed(ILogger logger, string channel, Exception exception);
}
