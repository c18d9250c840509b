namespace TicketMaster.Api.Tests.Infrastructure;

/// <summary>
/// The subscription fan-out tests restart Redis under live subscribers; this proves the fixture
/// they rely on really stops and restarts a server on the same port.
/// </summary>
public sealed class RedisServerTests
{
    [SkippableFact]
    public async Task A_private_redis_server_answers_goes_away_when_stopped_and_comes_back_on_the_same_port()
    {
        var redis = await RedisServer.StartPrivateAsync();
        Assert.True(await redis.PingAsync());

        redis.Stop();
        Assert.False(await redis.PingAsync());

        await redis.RestartAsync();
        Assert.True(await redis.PingAsync());
        redis.Stop();
    }

    [SkippableFact]
    public async Task The_shared_redis_server_answers()
    {
        var redis = await RedisServer.GetAsync();

        Assert.True(await redis.PingAsync());
    }
}
