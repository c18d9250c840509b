namespace TicketMaster.Api.Live;

/// <summary>
/// A subscription's source stream for GraphQL.NET: emits <paramref name="initial"/> first, then
/// whatever <paramref name="run"/> emits until it ends or the subscriber unsubscribes. Unsubscribing
/// cancels the run and disposes <paramref name="owned"/> (the bus subscriptions).
/// </summary>
public sealed class LiveStream(IReadOnlyList<object> initial, IReadOnlyList<IAsyncDisposable> owned, Func<Action<object>, CancellationToken, Task> run) : IObservable<object?>
{
    private int _subscribed;

    public IDisposable Subscribe(IObserver<object?> observer)
    {
        if (Interlocked.Exchange(ref _subscribed, 1) == 1)
        {
            throw new InvalidOperationException("A live stream has one subscriber.");
        }

        var subscription = new Subscription(owned);
        var gate = new object();
        void Emit(object value)
        {
            lock (gate)
            {
                if (!subscription.Token.IsCancellationRequested)
                {
                    observer.OnNext(value);
                }
            }
        }

        foreach (var value in initial)
        {
            Emit(value);
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await run(Emit, subscription.Token);
                lock (gate)
                {
                    if (!subscription.Token.IsCancellationRequested)
                    {
                        observer.OnCompleted();
                    }
                }
            }
            catch (OperationCanceledException) when (subscription.Token.IsCancellationRequested)
            {
                // Unsubscribed.
            }
            catch (Exception e)
            {
                lock (gate)
                {
                    observer.OnError(e);
                }
            }
        });
        return subscription;
    }

    private sealed class Subscription(IReadOnlyList<IAsyncDisposable> owned) : IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new();
        private int _disposed;

        public CancellationToken Token => _cancellation.Token;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }

            _cancellation.Cancel();
            foreach (var resource in owned)
            {
                _ = resource.DisposeAsync();
            }
        }
    }
}
