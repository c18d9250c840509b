using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;

namespace TicketMaster.Live;

/// <summary>
/// This process's subscribers per channel key, each with a bounded buffer that drops its oldest
/// message when full. <see cref="Deliver"/> never waits. Adapters deliver here: the in-memory bus
/// straight from publish, a Redis adapter from its channel subscription.
/// </summary>
public sealed class LocalFanout<TKey, T>(int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, ImmutableArray<Subscriber>> _subscribers = new();

    /// <summary>Raised with the key when its first subscriber arrives or its last one leaves.</summary>
    public event Action<TKey, bool>? Watched;

    public bool HasSubscribers(TKey key) => _subscribers.TryGetValue(key, out var list) && !list.IsEmpty;

    public int Count(TKey key) => _subscribers.TryGetValue(key, out var list) ? list.Length : 0;

    public IBusSubscription<T> Subscribe(TKey key)
    {
        var subscriber = new Subscriber(this, key, Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        }));
        var after = _subscribers.AddOrUpdate(key, _ => [subscriber], (_, list) => list.Add(subscriber));
        if (after.Length == 1)
        {
            Watched?.Invoke(key, true);
        }

        return subscriber;
    }

    /// <summary>Writes the message into every subscriber's buffer of this key; a full buffer drops its oldest.</summary>
    public void Deliver(TKey key, T message)
    {
        if (_subscribers.TryGetValue(key, out var list))
        {
            foreach (var subscriber in list)
            {
                subscriber.Buffer.Writer.TryWrite(message);
            }
        }
    }

    private void Remove(Subscriber subscriber)
    {
        while (_subscribers.TryGetValue(subscriber.Key, out var list))
        {
            var after = list.Remove(subscriber);
            var removed = after.IsEmpty
                ? _subscribers.TryRemove(new KeyValuePair<TKey, ImmutableArray<Subscriber>>(subscriber.Key, list))
                : _subscribers.TryUpdate(subscriber.Key, after, list);
            if (removed)
            {
                if (after.IsEmpty)
                {
                    Watched?.Invoke(subscriber.Key, false);
                }

                return;
            }
        }
    }

    private sealed class Subscriber(LocalFanout<TKey, T> owner, TKey key, Channel<T> buffer) : IBusSubscription<T>
    {
        private int _disposed;

        public TKey Key { get; } = key;

        public Channel<T> Buffer { get; } = buffer;

        public ChannelReader<T> Messages => Buffer.Reader;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(this);
                Buffer.Writer.TryComplete();
            }

            return ValueTask.CompletedTask;
        }
    }
}
