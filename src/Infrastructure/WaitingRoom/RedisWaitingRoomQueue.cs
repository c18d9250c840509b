using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using StackExchange.Redis;

namespace TicketMaster.WaitingRoom;

/// <summary>
/// The queue shared by every Api instance (<c>ConnectionStrings:Redis</c>): sorted sets and the Lua
/// of <see cref="WaitingRoomScripts"/>, so places, positions and admissions are the same whichever
/// instance answers, and an instance that dies takes no place with it. What a Redis restart without
/// persistence loses is in ADR 0021.
/// </summary>
public sealed class RedisWaitingRoomQueue(IConnectionMultiplexer redis, WaitingRoomOptions options) : IWaitingRoomQueue
{
    private readonly ConcurrentDictionary<int, (WaitingRoomSettings? Settings, DateTime ReadAt)> _settings = new();
    private readonly Random _random = options.ShuffleSeed is { } seed ? new Random(seed) : Random.Shared;

    private IDatabase Db => redis.GetDatabase();

    public async Task ConfigureAsync(WaitingRoomSettings settings, CancellationToken cancellationToken)
    {
        if (settings.IsOn)
        {
            await Db.HashSetAsync(Prefix(settings.EventId) + "settings",
            [
                new("on", 1), new("rate", settings.AdmissionsPerMinute), new("max", settings.MaxAdmitted),
                new("opensAt", Millis(settings.OpensAt)), new("admitsFrom", Millis(settings.AdmitsFrom)),
            ]);
        }
        else
        {
            await Db.ScriptEvaluateAsync(WaitingRoomScripts.TurnOff, [Prefix(settings.EventId)]);
        }

        _settings[settings.EventId] = (settings.IsOn ? settings : null, DateTime.UtcNow);
    }

    public async Task<WaitingRoomSettings?> SettingsAsync(int eventId, CancellationToken cancellationToken)
    {
        if (_settings.TryGetValue(eventId, out var cached) && DateTime.UtcNow - cached.ReadAt < options.SettingsCacheDuration)
        {
            return cached.Settings;
        }

        var values = await Db.HashGetAsync(Prefix(eventId) + "settings", ["on", "rate", "max", "opensAt", "admitsFrom"]);
        var settings = values[0] == 1
            ? WaitingRoomSettings.Restore(eventId, (int)values[1], (int)values[2], FromMillis((long)values[3]), FromMillis((long)values[4]))
            : null;
        _settings[eventId] = (settings, DateTime.UtcNow);
        return settings;
    }

    public async Task<QueueTicket> JoinAsync(int eventId, int userId, DateTime now, CancellationToken cancellationToken)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        var reply = await RunAsync(eventId, WaitingRoomScripts.Join, now, userId.ToString(CultureInfo.InvariantCulture), Guid.NewGuid().ToString(), secret, eventId.ToString(CultureInfo.InvariantCulture));
        return await TicketAsync(eventId, userId, now, reply, cancellationToken) ?? throw new NoWaitingRoomException(eventId);
    }

    public async Task<QueueTicket?> FindAsync(int eventId, int userId, DateTime now, CancellationToken cancellationToken) =>
        await TicketAsync(eventId, userId, now, await RunAsync(eventId, WaitingRoomScripts.Find, now, userId.ToString(CultureInfo.InvariantCulture)), cancellationToken);

    public async Task<QueueTicket?> FindAsync(Guid ticketId, DateTime now, CancellationToken cancellationToken)
    {
        var owner = (string?)await Db.HashGetAsync("wr:tickets", ticketId.ToString());
        if (owner?.Split(':') is not [var eventPart, var userPart])
        {
            return null;
        }

        var found = await FindAsync(int.Parse(eventPart, CultureInfo.InvariantCulture), int.Parse(userPart, CultureInfo.InvariantCulture), now, cancellationToken);
        return found?.Id == ticketId ? found : null;
    }

    public async Task<QueueTicket?> LeaveAsync(int eventId, int userId, DateTime now, CancellationToken cancellationToken) =>
        await TicketAsync(eventId, userId, now, await RunAsync(eventId, WaitingRoomScripts.Leave, now, userId.ToString(CultureInfo.InvariantCulture)), cancellationToken);

    public async Task<PassCheck> CheckPassAsync(int eventId, int userId, string? pass, DateTime now, CancellationToken cancellationToken)
    {
        // A room off (as last read) costs the booking path no round trip.
        if (await SettingsAsync(eventId, cancellationToken) is null)
        {
            return PassCheck.NoRoom;
        }

        var reply = await RunAsync(eventId, WaitingRoomScripts.CheckPass, now, userId.ToString(CultureInfo.InvariantCulture), pass ?? "");
        return ((string?)reply) switch
        {
            "valid" => PassCheck.Valid,
            "expired" => PassCheck.Expired,
            "noroom" => PassCheck.NoRoom,
            _ => PassCheck.Missing,
        };
    }

    /// <summary>Runs a script; when the sale has opened but nobody has drawn yet, draws first and runs it again.</summary>
    private async Task<RedisResult> RunAsync(int eventId, string script, DateTime now, params RedisValue[] more)
    {
        RedisValue[] args = [Millis(now), (long)options.PassDuration.TotalMilliseconds, options.BurstSeconds, .. more];
        while (true)
        {
            var reply = await Db.ScriptEvaluateAsync(script, [Prefix(eventId)], args);
            var head = reply.Resp2Type == ResultType.Array ? (string?)((RedisResult[])reply!)[0] : (string?)reply;
            if (head != "draw")
            {
                return reply;
            }

            var pending = await Db.SortedSetRangeByRankAsync(Prefix(eventId) + "pending");
            RedisValue[] drawn;
            lock (_random)
            {
                // Random.Shared needs no lock, but a seeded Random (tests) is not thread-safe.
                drawn = OpeningDraw.Shuffle(pending, _random);
            }

            await Db.ScriptEvaluateAsync(WaitingRoomScripts.Draw, [Prefix(eventId)], ["", "", "", .. drawn]);
        }
    }

    private async Task<QueueTicket?> TicketAsync(int eventId, int userId, DateTime now, RedisResult reply, CancellationToken cancellationToken)
    {
        var parts = (RedisResult[])reply!;
        if ((string?)parts[0] != "ok" || await SettingsAsync(eventId, cancellationToken) is not { } settings)
        {
            return null;
        }

        var status = Enum.Parse<QueueStatus>((string)parts[2]!);
        var rank = (int)parts[3];
        int? position = rank > 0 ? rank : null;
        var expires = (long)parts[5];
        return new QueueTicket(
            Guid.Parse((string)parts[1]!), eventId, userId, status, position,
            QueueEstimate.Wait(position, (int)parts[6], settings, now),
            status == QueueStatus.Admitted ? (string?)parts[4] : null,
            expires > 0 ? FromMillis(expires) : null,
            settings.AdmitsFrom);
    }

    private static string Prefix(int eventId) => $"wr:{{{eventId.ToString(CultureInfo.InvariantCulture)}}}:";

    private static long Millis(DateTime at) => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    private static DateTime FromMillis(long millis) => DateTimeOffset.FromUnixTimeMilliseconds(millis).UtcDateTime;
}
