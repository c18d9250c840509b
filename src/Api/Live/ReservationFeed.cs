using System.Threading.Channels;
using TicketMaster.Booking;
using TicketMaster.Live;

namespace TicketMaster.Api.Live;

/// <summary>
/// One subscriber's view of their holds: the running ones first, then each committed change, plus
/// EXPIRING_SOON and EXPIRED from timers on the holds it knows (a hold past its expiry can no
/// longer be confirmed, so the timer is as good as the sweep, and sooner). Each hold ends once.
/// </summary>
public sealed class ReservationFeed(IReadOnlyList<HoldChange> running, IBusSubscription<HoldChange> changes, TimeProvider clock, TimeSpan notice)
{
    private readonly Channel<ReservationFeedEvent> _timed = Channel.CreateUnbounded<ReservationFeedEvent>();
    private readonly Dictionary<Guid, List<ITimer>> _timers = [];
    private readonly Dictionary<Guid, DateTime> _seen = [];
    private readonly HashSet<Guid> _ended = [];
    private readonly HashSet<Guid> _refunded = [];

    public async Task RunAsync(Action<object> emit, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var hold in running)
            {
                Handle(hold, emit);
            }

            var fromBus = changes.Messages.WaitToReadAsync(cancellationToken).AsTask();
            var fromTimers = _timed.Reader.WaitToReadAsync(cancellationToken).AsTask();
            while (true)
            {
                var ready = await Task.WhenAny(fromBus, fromTimers);
                if (ready == fromBus)
                {
                    if (!await fromBus)
                    {
                        return;
                    }

                    while (changes.Messages.TryRead(out var change))
                    {
                        Handle(change, emit);
                    }

                    fromBus = changes.Messages.WaitToReadAsync(cancellationToken).AsTask();
                }
                else
                {
                    await fromTimers;
                    while (_timed.Reader.TryRead(out var timed))
                    {
                        if (_ended.Contains(timed.Hold.HoldId))
                        {
                            continue;
                        }

                        if (timed.Kind == ReservationChangeKind.Expired)
                        {
                            // Timers count on the monotonic clock, expiry is wall-clock time, and the two
                            // drift apart by fractions of a millisecond: never say EXPIRED while the
                            // hold still stands (CI once saw it 0.5 ms early).
                            var left = timed.Hold.ExpiresAt - clock.GetUtcNow().UtcDateTime;
                            if (left > TimeSpan.Zero)
                            {
                                _timers[timed.Hold.HoldId].Add(StartTimer(ReservationChangeKind.Expired, timed.Hold, left + TimeSpan.FromMilliseconds(1)));
                                continue;
                            }

                            End(timed.Hold.HoldId);
                        }

                        emit(timed);
                    }

                    fromTimers = _timed.Reader.WaitToReadAsync(cancellationToken).AsTask();
                }
            }
        }
        finally
        {
            foreach (var timer in _timers.Values.SelectMany(t => t))
            {
                await timer.DisposeAsync();
            }
        }
    }

    private void Handle(HoldChange hold, Action<object> emit)
    {
        if (hold.Refunded is not null)
        {
            // Follows the hold's end (EXPIRED, RELEASED or CONFIRMED): the money went back, said once.
            if (_refunded.Add(hold.HoldId))
            {
                End(hold.HoldId);
                emit(new ReservationFeedEvent(ReservationChangeKind.Refunded, hold));
            }

            return;
        }

        if (_ended.Contains(hold.HoldId))
        {
            return;
        }

        var kind = hold.Status switch
        {
            HoldStatus.Active => ReservationChangeKind.Held,
            HoldStatus.Confirmed => ReservationChangeKind.Confirmed,
            HoldStatus.Released => ReservationChangeKind.Released,
            _ => ReservationChangeKind.Expired,
        };
        if (kind == ReservationChangeKind.Held)
        {
            // A hold seen before comes again only to move its expiry (kept longer while the buyer passes
            // 3-D Secure): say so with the new expiry, and re-arm its timers for it.
            if (_seen.TryGetValue(hold.HoldId, out var expiresAt) && hold.ExpiresAt <= expiresAt)
            {
                return;
            }

            _seen[hold.HoldId] = hold.ExpiresAt;
            if (_timers.Remove(hold.HoldId, out var armed))
            {
                armed.ForEach(t => t.Dispose());
            }

            emit(new ReservationFeedEvent(kind, hold));
            Schedule(hold);
            return;
        }

        End(hold.HoldId);
        emit(new ReservationFeedEvent(kind, hold));
    }

    private void Schedule(HoldChange hold)
    {
        var untilExpiry = hold.ExpiresAt - clock.GetUtcNow().UtcDateTime;
        _timers[hold.HoldId] =
        [
            StartTimer(ReservationChangeKind.ExpiringSoon, hold, untilExpiry - notice),
            StartTimer(ReservationChangeKind.Expired, hold, untilExpiry),
        ];
    }

    private ITimer StartTimer(ReservationChangeKind kind, HoldChange hold, TimeSpan due) => clock.CreateTimer(
        _ => _timed.Writer.TryWrite(new ReservationFeedEvent(kind, hold)),
        null,
        due < TimeSpan.Zero ? TimeSpan.Zero : due,
        Timeout.InfiniteTimeSpan);

    private void End(Guid holdId)
    {
        _ended.Add(holdId);
        if (_timers.Remove(holdId, out var timers))
        {
            timers.ForEach(t => t.Dispose());
        }
    }
}
