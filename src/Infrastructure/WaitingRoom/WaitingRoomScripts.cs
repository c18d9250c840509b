namespace TicketMaster.WaitingRoom;

/// <summary>
/// The Lua that keeps one event's queue in Redis. Each script first catches the queue up with the
/// clock (passes run out, admissions the rate and the room allow) and then does its one thing, all
/// atomically: however many instances call at once, an admission happens exactly once.
/// Keys live under <c>wr:{eventId}:</c> (one hash slot): <c>settings</c> and <c>state</c> hashes,
/// <c>pending</c> (arrivals before the draw), <c>queue</c> (key order), <c>admitted</c> (by pass
/// expiry) and <c>recent</c> (admission times) sorted sets, and one <c>u:{userId}</c> hash per place.
/// </summary>
internal static class WaitingRoomScripts
{
    /// <summary>KEYS[1] the event's prefix; ARGV[1] now (ms), ARGV[2] pass duration (ms), ARGV[3] burst seconds.</summary>
    private const string CatchUp = """
        local p = KEYS[1]
        local now = tonumber(ARGV[1])
        local s = redis.call('HMGET', p .. 'settings', 'on', 'rate', 'max', 'admitsFrom')
        local function catchup()
          if s[1] ~= '1' then return 'noroom' end
          local rate, max, admitsFrom = tonumber(s[2]), tonumber(s[3]), tonumber(s[4])
          if now < admitsFrom then return 'early' end
          local st = p .. 'state'
          if redis.call('HGET', st, 'drawn') ~= '1' then return 'draw' end
          local expired = redis.call('ZRANGEBYSCORE', p .. 'admitted', '-inf', now)
          for _, u in ipairs(expired) do
            redis.call('ZREM', p .. 'admitted', u)
            redis.call('HSET', p .. 'u:' .. u, 'status', 'Expired')
          end
          local perSecond = rate / 60
          local allowance = tonumber(redis.call('HGET', st, 'allowance') or '1')
          local refilled = tonumber(redis.call('HGET', st, 'refilledAt') or admitsFrom)
          allowance = math.min(math.max(1, perSecond * tonumber(ARGV[3])), allowance + perSecond * math.max(0, now - refilled) / 1000)
          local admitted = redis.call('ZCARD', p .. 'admitted')
          while allowance >= 1 and admitted < max do
            local head = redis.call('ZPOPMIN', p .. 'queue')
            if #head == 0 then break end
            local expires = now + tonumber(ARGV[2])
            redis.call('HSET', p .. 'u:' .. head[1], 'status', 'Admitted', 'passExpiresAt', expires)
            redis.call('ZADD', p .. 'admitted', expires, head[1])
            redis.call('ZADD', p .. 'recent', now, head[1] .. ':' .. now)
            admitted = admitted + 1
            allowance = allowance - 1
          end
          redis.call('ZREMRANGEBYSCORE', p .. 'recent', '-inf', now - 60000)
          redis.call('HSET', st, 'allowance', allowance, 'refilledAt', math.max(now, refilled))
          return 'ok'
        end
        local function describe(userId)
          local u = redis.call('HMGET', p .. 'u:' .. userId, 'id', 'status', 'secret', 'passExpiresAt')
          if not u[1] then return {'none'} end
          local rank = -1
          if u[2] == 'Waiting' then
            local r = redis.call('ZRANK', p .. 'queue', userId)
            if r then rank = r + 1 end
          end
          local pass, expires = '', '-1'
          if u[2] == 'Admitted' then pass, expires = u[3], u[4] end
          return {'ok', u[1], u[2], rank, pass, expires, redis.call('ZCOUNT', p .. 'recent', now - 60000, '+inf')}
        end

        """;

    /// <summary>ARGV[4] userId: the account's place, or none.</summary>
    public const string Find = CatchUp + """
        local r = catchup()
        if r == 'noroom' or r == 'draw' then return {r} end
        return describe(ARGV[4])
        """;

    /// <summary>ARGV[4] userId, ARGV[5] a new ticket id, ARGV[6] a new secret (the pass once admitted), ARGV[7] the event id.</summary>
    public const string Join = CatchUp + """
        local r = catchup()
        if r == 'noroom' or r == 'draw' then return {r} end
        local userId = ARGV[4]
        local key = p .. 'u:' .. userId
        local status = redis.call('HGET', key, 'status')
        if status == 'Waiting' or status == 'Admitted' then return describe(userId) end
        redis.call('DEL', key)
        redis.call('HSET', key, 'id', ARGV[5], 'status', 'Waiting', 'secret', ARGV[6])
        redis.call('HSET', 'wr:tickets', ARGV[5], ARGV[7] .. ':' .. userId)
        if r == 'early' then
          redis.call('ZADD', p .. 'pending', now, userId)
        else
          redis.call('ZADD', p .. 'queue', redis.call('HINCRBY', p .. 'state', 'nextKey', 1), userId)
          catchup()
        end
        return describe(userId)
        """;

    /// <summary>ARGV[4] userId.</summary>
    public const string Leave = CatchUp + """
        local r = catchup()
        if r == 'noroom' or r == 'draw' then return {r} end
        local userId = ARGV[4]
        local key = p .. 'u:' .. userId
        local status = redis.call('HGET', key, 'status')
        if status == 'Waiting' or status == 'Admitted' then
          redis.call('ZREM', p .. 'pending', userId)
          redis.call('ZREM', p .. 'queue', userId)
          redis.call('ZREM', p .. 'admitted', userId)
          redis.call('HSET', key, 'status', 'Left')
          catchup()
        end
        return describe(userId)
        """;

    /// <summary>ARGV[4] userId, ARGV[5] the pass: noroom, valid, missing or expired.</summary>
    public const string CheckPass = CatchUp + """
        local r = catchup()
        if r == 'noroom' or r == 'draw' then return r end
        local u = redis.call('HMGET', p .. 'u:' .. ARGV[4], 'status', 'secret')
        if not u[2] or u[2] ~= ARGV[5] then return 'missing' end
        if u[1] == 'Admitted' then return 'valid' end
        return 'expired'
        """;

    /// <summary>
    /// The opening draw: ARGV[4..] (the first three unused, like the other scripts' clock) the pending accounts in the order drawn (by the caller, who
    /// shuffled them). Only the first caller draws; anyone who slipped into pending meanwhile goes after.
    /// </summary>
    public const string Draw = """
        local p = KEYS[1]
        local st = p .. 'state'
        if redis.call('HGET', st, 'drawn') == '1' then return 0 end
        local pending = p .. 'pending'
        for i = 4, #ARGV do
          if redis.call('ZREM', pending, ARGV[i]) == 1 then
            redis.call('ZADD', p .. 'queue', redis.call('HINCRBY', st, 'nextKey', 1), ARGV[i])
          end
        end
        for _, u in ipairs(redis.call('ZRANGE', pending, 0, -1)) do
          redis.call('ZADD', p .. 'queue', redis.call('HINCRBY', st, 'nextKey', 1), u)
        end
        redis.call('DEL', pending)
        local admitsFrom = redis.call('HGET', p .. 'settings', 'admitsFrom')
        redis.call('HSET', st, 'drawn', 1, 'allowance', 1, 'refilledAt', admitsFrom)
        return 1
        """;

    /// <summary>Turns the room off: its settings, queue and places go.</summary>
    public const string TurnOff = """
        local p = KEYS[1]
        for _, set in ipairs({'pending', 'queue', 'admitted'}) do
          for _, u in ipairs(redis.call('ZRANGE', p .. set, 0, -1)) do redis.call('DEL', p .. 'u:' .. u) end
        end
        redis.call('DEL', p .. 'settings', p .. 'state', p .. 'pending', p .. 'queue', p .. 'admitted', p .. 'recent')
        return 1
        """;
}
