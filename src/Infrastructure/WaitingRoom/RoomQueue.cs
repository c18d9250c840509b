namespace TicketMaster.WaitingRoom;

/// <summary>
/// One event's queue in memory; not thread-safe, its owner locks it. Places drawn or arrived get
/// increasing keys; <see cref="_waiting"/> keeps the waiting keys sorted so a position is a binary
/// search, and admission takes from its head.
/// </summary>
internal sealed class RoomQueue(WaitingRoomSettings settings, WaitingRoomOptions options, Random random)
{
    private readonly Dictionary<int, Place> _byUser = [];
    private readonly Dictionary<Guid, Place> _byId = [];
    private readonly Dictionary<string, Place> _byPass = new(StringComparer.Ordinal);
    private readonly List<Place> _arrivedBeforeOpening = [];
    private readonly List<long> _waiting = [];
    private readonly Dictionary<long, Place> _byKey = [];
    private readonly Queue<Place> _admitted = new();
    private readonly Queue<DateTime> _recentAdmissions = new();
    private int _head;
    private long _nextKey = 1;
    private bool _drawn;
    private double _allowance;
    private DateTime _refilledAt;
    private int _admittedNow;

    public WaitingRoomSettings Settings { get; set; } = settings;

    public int Count => _byUser.Count;

    public QueueTicket Join(int userId, DateTime now)
    {
        CatchUp(now);
        if (_byUser.TryGetValue(userId, out var existing) && existing.Status is QueueStatus.Waiting or QueueStatus.Admitted)
        {
            return Ticket(existing, now);
        }

        if (existing is not null)
        {
            _byId.Remove(existing.Id);
        }

        var place = new Place(Guid.NewGuid(), userId);
        _byUser[userId] = place;
        _byId[place.Id] = place;
        if (_drawn)
        {
            Enqueue(place);
            CatchUp(now);
        }
        else
        {
            _arrivedBeforeOpening.Add(place);
        }

        return Ticket(place, now);
    }

    public QueueTicket? Find(int userId, DateTime now)
    {
        CatchUp(now);
        return _byUser.TryGetValue(userId, out var place) ? Ticket(place, now) : null;
    }

    public QueueTicket? Find(Guid id, DateTime now)
    {
        CatchUp(now);
        return _byId.TryGetValue(id, out var place) ? Ticket(place, now) : null;
    }

    public QueueTicket? Leave(int userId, DateTime now)
    {
        CatchUp(now);
        if (!_byUser.TryGetValue(userId, out var place))
        {
            return null;
        }

        switch (place.Status)
        {
            case QueueStatus.Waiting when place.Key == 0:
                _arrivedBeforeOpening.Remove(place);
                break;
            case QueueStatus.Waiting:
                var index = _waiting.BinarySearch(_head, _waiting.Count - _head, place.Key, null);
                _waiting.RemoveAt(index);
                _byKey.Remove(place.Key);
                break;
            case QueueStatus.Admitted:
                EndPass(place);
                break;
            default:
                return Ticket(place, now);
        }

        place.Status = QueueStatus.Left;
        CatchUp(now);
        return Ticket(place, now);
    }

    public PassCheck Check(int userId, string? pass, DateTime now)
    {
        CatchUp(now);
        if (pass is null || !_byPass.TryGetValue(pass, out var place) || place.UserId != userId)
        {
            return PassCheck.Missing;
        }

        return place.Status == QueueStatus.Admitted ? PassCheck.Valid : PassCheck.Expired;
    }

    /// <summary>The opening draw, passes run out, then the admissions the rate and the room allow.</summary>
    private void CatchUp(DateTime now)
    {
        if (now < Settings.AdmitsFrom)
        {
            return;
        }

        if (!_drawn)
        {
            foreach (var place in OpeningDraw.Shuffle(_arrivedBeforeOpening, random))
            {
                Enqueue(place);
            }

            _arrivedBeforeOpening.Clear();
            (_drawn, _refilledAt, _allowance) = (true, Settings.AdmitsFrom, 1);
        }

        while (_admitted.TryPeek(out var oldest) && (oldest.Status != QueueStatus.Admitted || oldest.PassExpiresAt <= now))
        {
            _admitted.Dequeue();
            if (oldest.Status == QueueStatus.Admitted)
            {
                EndPass(oldest);
                oldest.Status = QueueStatus.Expired;
            }
        }

        var perSecond = Settings.AdmissionsPerMinute / 60.0;
        _allowance = Math.Min(Math.Max(1, perSecond * options.BurstSeconds), _allowance + perSecond * Math.Max(0, (now - _refilledAt).TotalSeconds));
        _refilledAt = now;
        while (_allowance >= 1 && _admittedNow < Settings.MaxAdmitted && _head < _waiting.Count)
        {
            var place = _byKey[_waiting[_head]];
            _byKey.Remove(_waiting[_head]);
            _head++;
            place.Status = QueueStatus.Admitted;
            place.Pass = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
            place.PassExpiresAt = now + options.PassDuration;
            _byPass[place.Pass] = place;
            _admitted.Enqueue(place);
            _recentAdmissions.Enqueue(now);
            _admittedNow++;
            _allowance--;
        }

        if (_head > 1024 && _head > _waiting.Count / 2)
        {
            _waiting.RemoveRange(0, _head);
            _head = 0;
        }

        while (_recentAdmissions.TryPeek(out var at) && at < now - QueueEstimate.MeasuredOver)
        {
            _recentAdmissions.Dequeue();
        }
    }

    private void Enqueue(Place place)
    {
        place.Key = _nextKey++;
        _waiting.Add(place.Key);
        _byKey[place.Key] = place;
    }

    /// <summary>Frees the admitted place; the pass stays known so its holder hears EXPIRED rather than REQUIRED.</summary>
    private void EndPass(Place place) => _admittedNow--;

    private QueueTicket Ticket(Place place, DateTime now)
    {
        int? position = place.Status == QueueStatus.Waiting && place.Key > 0
            ? _waiting.BinarySearch(_head, _waiting.Count - _head, place.Key, null) - _head + 1
            : null;
        return new QueueTicket(
            place.Id, Settings.EventId, place.UserId, place.Status, position, QueueEstimate.Wait(position, _recentAdmissions.Count, Settings, now),
            place.Status == QueueStatus.Admitted ? place.Pass : null, place.Status == QueueStatus.Admitted ? place.PassExpiresAt : null, Settings.AdmitsFrom);
    }

    private sealed class Place(Guid id, int userId)
    {
        public Guid Id { get; } = id;

        public int UserId { get; } = userId;

        public QueueStatus Status { get; set; } = QueueStatus.Waiting;

        /// <summary>The place's order key; zero until the opening draw.</summary>
        public long Key { get; set; }

        public string? Pass { get; set; }

        public DateTime? PassExpiresAt { get; set; }
    }
}
